"""Customer intake, the domain side: a new customer's typed fields normalised and checked
(values, validation), collected over turns (slots) and created in the CRM (creation).
Reading a rep's dictation into those fields is the understanding layer's
(harde.understanding.dictation)."""
