"""Common US first names: a gazetteer that tells a first name said ("sarah johnson") from other
words, so a first name no customer has is never silently swapped for another one's."""

from __future__ import annotations

from harde.understanding.training.fillers import SYN_FIRST_HELDOUT, SYN_FIRST_TRAIN

_MORE = (
    "Mary Patricia Linda Barbara Susan Margaret Lisa Nancy Betty Sandra Karen Helen Donna Kathleen Dorothy "
    "Sharon Michelle Carol Diane Julie Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan "
    "Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Theresa Sara Madison Frances Kathryn Janice Jean Abigail "
    "Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany "
    "Charlotte Marie Kayla Alexis Lori James John Robert Michael Joseph Thomas Daniel Matthew Mark Donald Steven "
    "George Kenneth Kevin Brian Edward Ronald Timothy Jose Larry Justin Brandon Benjamin Samuel Patrick Jack "
    "Tyler Aaron Nathan Zachary Kyle Noah Alan Ethan Jeremy Christian Sean Austin Adam Jordan Gary Dylan Juan "
    "Logan Randy Vincent Billy Johnny Greg Tony Colleen Erica Melissa Rosa Maria Tuan Priya Dana Erin Carlos Rachel"
)
FIRST_NAMES = frozenset(SYN_FIRST_TRAIN) | frozenset(SYN_FIRST_HELDOUT) | frozenset(_MORE.split())
