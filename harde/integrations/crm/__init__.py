"""The CRM factory: the local SQLite CRM, or Leap v3 when the settings say so."""

from __future__ import annotations

from harde.config import Settings
from harde.crm.protocol import CRM


def make_crm(settings: Settings) -> CRM:
    """`LeapCRM` when settings.crm_backend is "leap" (LEAP_API_TOKEN set or HARDE_CRM=leap), else `LocalCRM`."""
    if settings.crm_backend == "leap":
        from harde.integrations.crm.leap import LeapCRM

        return LeapCRM.from_settings(settings)
    from harde.integrations.crm.local import LocalCRM

    settings.ensure_dirs()
    return LocalCRM.from_settings(settings)
