"""The question log, the report and live reload (a package, so its conftest is not the top-level `conftest` the Slack tests import)."""
