"""The `harde` command: chat, ask, doctor, and the sub-commands in harde/commands/."""

from __future__ import annotations

import importlib
import pkgutil

import click


class _LazyGroup(click.Group):
    """Finds sub-commands in harde/commands/ and imports one only when it is used."""

    def _names(self) -> dict[str, str]:
        import harde.commands as package

        return {
            info.name.replace("_", "-"): f"harde.commands.{info.name}"
            for info in pkgutil.iter_modules(package.__path__)
        }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._names()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is not None:
            return found
        module = self._names().get(cmd_name)
        if module is None:
            return None
        command = importlib.import_module(module).command
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup)
def main() -> None:
    """Hard-E, the AI sales director: chat, look things up, run the pipeline."""


from harde.chat_cli import ask, chat, doctor  # noqa: E402  (the group must exist first)

main.add_command(chat)
main.add_command(ask)
main.add_command(doctor)
