"""The outside services one Assistant uses, each built on first use from Settings.

This is the one place where a local default or a real service is chosen: each property calls
its family's factory, and the factory reads the settings that decide.
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from typing import Any

from harde.config import Settings


class Services:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._closers: list[Any] = []
        self._vocabulary: tuple[Any, str] | None = None  # (the directory it was built from, the prompt)

    @cached_property
    def crm(self) -> Any:
        from harde.integrations.crm import make_crm

        crm = make_crm(self.settings)
        self._closers.append(crm)
        return crm

    @cached_property
    def knowledge(self) -> Any:
        from harde.knowledge import make_knowledge_base

        return make_knowledge_base(self.settings)

    @cached_property
    def transcripts(self) -> Any:
        from harde.knowledge.transcripts import load_transcripts

        return load_transcripts(self.settings)

    @cached_property
    def phone_book(self) -> Any:
        from harde.brand import load_phone_book

        return load_phone_book(self.settings.brand_folder)

    @cached_property
    def web_search(self) -> Any:
        from harde.integrations.web_search import make_web_search

        search = make_web_search(self.settings)
        self._closers.append(search)
        return search

    @cached_property
    def catalog(self) -> Any:
        from harde.pricing.catalog import load_catalog

        return load_catalog(self.settings)

    @cached_property
    def speech(self) -> Any:
        from harde.integrations.speech import make_speech

        speech = make_speech(self.settings)
        self._closers.append(speech)
        return speech

    @cached_property
    def transcriber(self) -> Any:
        from harde.integrations.transcription import make_transcriber

        transcriber = make_transcriber(self.settings, vocabulary=self.vocabulary_prompt)
        self._closers.append(transcriber)
        return transcriber

    async def warm_up_knowledge(self) -> None:
        """Open the knowledge index and load its sentence model before the first question."""

        knowledge = self.knowledge  # made here, on the loop, as every turn makes it

        def warm() -> None:
            knowledge.search("how do i handle a price objection", 1)
            if self.settings.kb_vectors:
                from harde.knowledge.vectors import encoder

                encoder().query("warm up")

        await asyncio.to_thread(warm)

    async def warm_up_voice(self) -> None:
        """Get the local speech model ready before the first recording (a no-op for a service)."""
        warm_up = getattr(self.transcriber, "warm_up", None)
        if warm_up is not None:
            await warm_up()

    async def vocabulary_prompt(self) -> str:
        """The local transcriber's prompt from the CRM directory and the catalog, rebuilt when
        the directory is (after a write, or its TTL)."""
        from harde.intake.vocabulary import vocabulary_prompt
        from harde.understanding.directory import DIRECTORIES

        directory = await DIRECTORIES.get(self.crm)
        if self._vocabulary is not None and self._vocabulary[0] is directory:
            return self._vocabulary[1]
        users = list(directory.users.values())
        customers = list(directory.customers.values())
        prompt = vocabulary_prompt(
            people=[u.full_name for u in users] + [c.full_name for c in customers],
            towns=[c.city for c in customers] + list(directory.towns),
            streets=list(directory.streets),
            products=[item.name.split(" ")[0] for item in self.catalog.items],
        )
        self._vocabulary = (directory, prompt)
        return prompt

    async def aclose(self) -> None:
        for closer in self._closers:
            aclose = getattr(closer, "aclose", None)
            if aclose is not None:
                await aclose()
        self._closers.clear()
