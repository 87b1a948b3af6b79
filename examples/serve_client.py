"""Call the HTTP service in-process with FastAPI's TestClient (needs smartcheck[server]).

Against a running server (``smartcheck serve``) the same request is::

    curl -s http://127.0.0.1:8000/v1/analyze -H 'content-type: application/json' \\
         -d '{"text": "I will walk for 20 minutes every day", "reference_date": "2026-01-15"}'
"""

from fastapi.testclient import TestClient

from smartcheck.server import create_app

with TestClient(create_app()) as client:  # the lifespan loads the model once
    answer = client.post(
        "/v1/analyze",
        json={"text": "I will walk for 20 minutes every day", "reference_date": "2026-01-15"},
    ).json()
    print(answer["label"], answer["score"])
    for finding in answer["findings"]:
        print(f"  {finding['id']}: {finding['message']}")

    batch = client.post(
        "/v1/analyze/batch",
        json={"items": [{"text": "Feel better."}, {"text": ""}]},
    ).json()
    for result in batch["results"]:
        print(result["index"], result["label"] if result["ok"] else f"error: {result['error']}")

    empty = client.post("/v1/analyze", json={"text": "  "})
    print(empty.status_code, empty.json()["error"]["code"])
