"""schemathesis (from PyPI) against the OpenAPI schema: no server error, no response that
breaks the schema, on generated requests to every operation, on real data.

schemathesis's pytest plugin does not run under pytest 9, so the operations are driven
through its Python API: one hypothesis run per operation, in one test.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from archive.wsgi import application

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
EXAMPLES = 40


@pytest.fixture
def keep_connection():
    """Calls through the WSGI handler would close the test's database connection at the end
    of each request (Django's test client suspends that the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_every_operation_conforms_to_the_schema(seeded, keep_connection):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    calls = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call()
            case.validate_response(response, checks=CHECKS)
            calls.append(response.status_code)

        run()
    assert len(calls) >= len(operations) * 5
    assert 500 not in calls
