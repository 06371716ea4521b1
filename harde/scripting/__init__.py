"""Script building: primer-video and standard sales scripts from CRM facts and the knowledge base."""

from harde.scripting.models import Script, ScriptFacts, ScriptGrounding, ScriptOptions

__all__ = ["Script", "ScriptFacts", "ScriptGrounding", "ScriptOptions"]
