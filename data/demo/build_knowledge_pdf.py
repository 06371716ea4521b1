"""Write the demo knowledge base's PDF document (payment terms) with fpdf2. Run once; the PDF is committed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

TITLE = "Payment Terms and Deposit Policy"
SECTIONS: list[tuple[str, list[str]]] = [
    (
        "DEPOSIT",
        [
            "Summit Ridge Exteriors collects a deposit of 30 percent of the contract price when the agreement is signed. "
            "Massachusetts law (the Home Improvement Contractor law, M.G.L. chapter 142A) limits a deposit to one third of "
            "the contract price, except for special-order materials such as custom windows, which may be paid in full in advance. "
            "In New Hampshire, Connecticut and Rhode Island we use the same 30 percent deposit.",
            "The deposit is refunded in full if the homeowner cancels within the three-day cancellation period. After that, "
            "the deposit covers permit fees, the production measure and any special-order materials already ordered.",
        ],
    ),
    (
        "PAYMENT SCHEDULE",
        [
            "Roofing, gutters and windows: 30 percent deposit at signing, balance due on completion after the final walk-through with the foreman.",
            "Siding and combined projects over 40,000 dollars: 30 percent at signing, 40 percent when materials are delivered to the site, "
            "and the balance on completion.",
            "We never ask for final payment on work that is not done. A punch list under 2 percent of the contract value does not hold back "
            "the final payment; larger items are held back until they are closed.",
        ],
    ),
    (
        "ACCEPTED PAYMENT METHODS",
        [
            "Personal check, bank transfer (ACH), and financing through Bay Colony Home Credit. Credit cards are accepted for deposits up to "
            "5,000 dollars with no fee. We do not accept cash payments over 1,000 dollars, and reps never collect cash.",
        ],
    ),
    (
        "CHANGE ORDERS",
        [
            "Work discovered during the job, such as rotted decking or sheathing, is charged at the unit prices written in the agreement "
            "(for example 95 dollars per sheet of roof decking). The foreman photographs it and the homeowner approves the change order "
            "before the work is done, except where leaving the deck open would risk water damage, in which case the foreman calls first.",
        ],
    ),
    (
        "PRICE VALIDITY",
        [
            "Proposals are valid for 30 days. A signed agreement locks the price even if the installation is scheduled months later, "
            "unless the homeowner changes the scope or the product.",
        ],
    ),
]


def build(target: Path) -> None:
    pdf = FPDF(format="Letter")
    pdf.set_title(TITLE)
    pdf.set_author("Summit Ridge Exteriors")
    pdf.set_creation_date(datetime(2025, 1, 6, tzinfo=UTC))  # a fixed date keeps the file stable
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, "Summit Ridge Exteriors - for sales reps and project coordinators", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for heading, paragraphs in SECTIONS:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.ln(2)
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(target))


if __name__ == "__main__":
    build(Path(__file__).parent / "knowledge" / "PRICING_STRATEGIES" / "payment_terms_and_deposit_policy.pdf")
