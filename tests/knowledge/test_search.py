"""Search quality on a handful of rep questions, filters, projects, and the answer the tool gives."""

from __future__ import annotations

import pytest
from agents import RunContextWrapper

from harde.context import HardeContext
from harde.knowledge import KnowledgeBase
from harde.services import Services
from harde.tools.knowledge import search_knowledge

from .conftest import kb_settings


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("What's our standard objection response for price concerns?", "OBJECTION_HANDLING/price_objection.md"),
        ("the wife wants to talk to her husband before signing", "OBJECTION_HANDLING/spouse_not_present.md"),
        ("how thick should the vinyl siding we sell be", "PRODUCT_KNOWLEDGE/vinyl_siding.md"),
        ("how far up the roof does the ice barrier have to go", "PRODUCT_KNOWLEDGE/ice_and_water_shield.md"),
        ("what happens after the homeowner signs", "CORE_KNOWLEDGE/after_the_contract_is_signed.md"),
        ("how do I earn the trust of an older homeowner", "CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md"),
        ("example lines for the primer video", "SCRIPT_TEMPLATES/primer_video_script_template.md"),
        ("how big a deposit can we collect", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"),
        # "frosty" is frost: the checklist says not to walk a wet or frosted roof.
        ("are we allowed to walk a frosty roof", "CORE_KNOWLEDGE/roof_inspection_checklist.md"),
    ],
)
def test_rep_questions_find_the_document_that_answers_them(demo_kb: KnowledgeBase, question: str, document: str) -> None:
    sources = [hit.source for hit in demo_kb.search(question, k=5)]
    assert document in sources[:3], sources


def test_hits_carry_what_a_citation_needs(demo_kb: KnowledgeBase) -> None:
    hit = demo_kb.search("gutter guards for pine needles", k=1)[0]
    assert hit.source == "PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md"
    assert hit.category == "PRODUCT_KNOWLEDGE"
    assert hit.title == "Seamless Gutters and Gutter Guards"
    assert hit.heading == "Gutter guards"
    assert hit.score > 0 and "micro-mesh" in hit.text.lower()


def test_category_filter_keeps_only_that_category(demo_kb: KnowledgeBase) -> None:
    hits = demo_kb.search("price", k=5, category="PRICING_STRATEGIES")
    assert hits and {h.category for h in hits} == {"PRICING_STRATEGIES"}
    assert demo_kb.search("price", k=5, category="pricing strategies") == hits


def test_at_most_two_passages_per_document(demo_kb: KnowledgeBase) -> None:
    hits = demo_kb.search("ice and water shield eaves valleys code", k=5)
    sources = [h.source for h in hits]
    assert all(sources.count(s) <= 2 for s in sources)


def test_project_documents_answer_only_when_the_project_is_named(demo_kb: KnowledgeBase) -> None:
    generic = demo_kb.search("approved siding colors and trim", k=5)
    assert all(h.project is None for h in generic)
    named = demo_kb.search("Maple Hollow approved siding colors and trim", k=5)
    assert named[0].source == "PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md"


def test_project_filter_keeps_only_that_project(demo_kb: KnowledgeBase) -> None:
    hits = demo_kb.search("window rules", k=5, project="Brookside Commons")
    assert hits and {h.project for h in hits} == {"Brookside_Commons"}


def test_call_transcripts_are_searchable(demo_kb: KnowledgeBase) -> None:
    hits = demo_kb.search("director call siding objection", k=5, category="SALES_DIRECTOR_CALLS")
    assert hits and all(h.source.endswith(".json") for h in hits)


def test_nothing_found_is_an_empty_list(demo_kb: KnowledgeBase) -> None:
    assert demo_kb.search("zzqx blorft", k=5) == []
    assert demo_kb.search("   ", k=5) == []


async def test_tool_answers_with_the_best_passage_then_its_sources(demo_kb: KnowledgeBase) -> None:
    settings = kb_settings(demo_kb.index_dir.parents[1])
    ctx = HardeContext(settings=settings, services=Services(settings), conversation_id="t")
    answer = await search_knowledge(RunContextWrapper(ctx), query="standard response to price concerns")
    assert answer.startswith("**Handling the Price Objection")
    assert "Acknowledge it, calmly" in answer
    sources_line = answer.rsplit("\n\n", 1)[-1]
    assert sources_line.startswith("Sources: ") and "OBJECTION_HANDLING/price_objection.md" in sources_line


async def test_tool_explains_an_unknown_category(demo_kb: KnowledgeBase) -> None:
    settings = kb_settings(demo_kb.index_dir.parents[1])
    ctx = HardeContext(settings=settings, services=Services(settings), conversation_id="t")
    answer = await search_knowledge(RunContextWrapper(ctx), query="gutters", category="recipes")
    assert "no knowledge category 'recipes'" in answer and "PRODUCT_KNOWLEDGE" in answer


def test_a_project_named_with_a_slip_is_still_that_project(demo_kb: KnowledgeBase) -> None:
    for said in ["is a brown shingle ok in maaple hollow", "when does the maple holow ARC meet"]:
        assert demo_kb.search(said, k=3)[0].project, said
    assert all(h.project is None for h in demo_kb.search("is a brown shingle ok in maple grove", k=5))


def test_a_call_that_is_not_the_directors_does_not_lift_the_call_summaries(demo_kb: KnowledgeBase) -> None:
    hits = demo_kb.search("is it ok to say let me call my manager", k=3)
    assert hits[0].category != "SALES_DIRECTOR_CALLS", [h.title for h in hits]
    assert demo_kb.search("what did rachel say on the quincy roofing call", k=1)[0].category == "SALES_DIRECTOR_CALLS"
