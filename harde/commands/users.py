"""`harde users`: the people who may sign in to the web app with the local users file."""

from __future__ import annotations

import click

from harde.auth import ROLES
from harde.auth.users import UsersFile, UsersFileError
from harde.config import get_settings


def _file() -> UsersFile:
    return UsersFile(get_settings().users_path)


@click.group("users")
def command() -> None:
    """Who may sign in (HARDE_AUTH=local): add, change a password, remove, list."""


@command.command("list")
def list_users() -> None:
    """The users, their roles and emails (never their password hashes)."""
    users = _file()
    for user in users.users():
        click.echo(f"{user.username:<16} {user.role:<9} {user.name} <{user.email}>")
    if users.is_demo:
        click.echo("(the demo company's users: add a real user to end the demo sign-in)")


@command.command("add")
@click.argument("username")
@click.option("--name", required=True, help="Their full name, as in the CRM.")
@click.option("--email", default="", help="Their email, as in the CRM: 'my calendar' is theirs.")
@click.option("--role", type=click.Choice(ROLES), default="rep", show_default=True)
@click.password_option(help="Asked for when not given.")
def add(username: str, name: str, email: str, role: str, password: str) -> None:
    """Add a user who signs in with a password."""
    try:
        user = _file().add(username, name=name, email=email, role=role, password=password)
    except UsersFileError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Added {user.username} ({user.role}).")


@command.command("passwd")
@click.argument("username")
@click.password_option(help="Asked for when not given.")
def passwd(username: str, password: str) -> None:
    """Set a user's password."""
    try:
        _file().set_password(username, password)
    except UsersFileError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Password changed for {username}.")


@command.command("remove")
@click.argument("username")
def remove(username: str) -> None:
    """Remove a user; their conversations stay, and nobody can open them but a director."""
    try:
        _file().remove(username)
    except UsersFileError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Removed {username}.")
