"""Generated requests from the OpenAPI schema: whatever the parameters, never a 500."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from marsad.api.app import create_app
from tests.api.corpus import build_store


def _app():
    # Schemathesis collects at import, before fixtures exist: the store is built here once.
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="marsad-fuzz-"))
    return create_app(db=build_store(folder / "marsad.duckdb"), token=None)


# The coverage phase alone sends thousands of boundary cases: too slow for every test run.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_asgi("/openapi.json", _app(), config=CONFIG)


@schema.include(method="GET").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_get_routes_never_fail(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    assert response.headers["content-type"][0].startswith("application/json")


@schema.include(method="POST").parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_post_on_a_read_only_server_is_refused(case: schemathesis.Case) -> None:
    response = case.call()
    # 401/403 for the token, 400/422 for a body that is not an article, 405 for other methods.
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"][0].startswith("application/json")
