"""manifest.yml against Slack's published manifest schema (a copy kept in tests/slack/manifest-schema, MIT)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(__file__).with_name("manifest-schema")
# The top schema $refs the versioned schemas by their GitHub URL; serve those from the copy, offline.
REMOTE = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/"


def validator() -> jsonschema.Draft7Validator:
    registry = Registry()
    for path in sorted((SCHEMAS / "schemas").glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(REMOTE + path.name, Resource.from_contents(contents, DRAFT7))
    top = json.loads((SCHEMAS / "manifest.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(top, registry=registry)


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))


def test_manifest_is_valid_against_slacks_schema(manifest: dict) -> None:
    errors = sorted(validator().iter_errors(manifest), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_schema_copy_rejects_a_broken_manifest(manifest: dict) -> None:
    broken = {**manifest, "settings": {**manifest["settings"], "socket_mode_enabled": "yes"}}
    assert list(validator().iter_errors(broken))


def test_manifest_asks_for_what_the_bot_uses(manifest: dict) -> None:
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {"app_mentions:read", "chat:write", "im:history", "commands"}
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/ask"]
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    home = manifest["features"]["app_home"]
    assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False


def test_the_schema_copy_keeps_its_license() -> None:
    assert "MIT License" in (SCHEMAS / "LICENSE").read_text(encoding="utf-8")
