#!/usr/bin/env python3
"""Extracts, from Ozon's OpenAPI spec of the Seller API, the request schema of
every endpoint in src/ozon/endpoints.h, for tests/unit/ozon_spec_test.cpp.

    tools/request_schemas.py path/to/ozon-openapi.json > tests/fixtures/ozon/request_schemas.json

References and allOf are resolved; what a validator needs is kept (type,
format, properties, required, items, enum, limits) plus each field's
description, shortened: the description says what goes in a field (a SKU or
the seller's product_id), which the types alone do not. Endpoints newer than
the spec are listed under "not_in_spec". Run it again when the spec file is
updated; the output is sorted, so the diff shows what Ozon changed.
"""
import json
import re
import sys

KEEP = ("type", "format", "enum", "maxItems", "minItems", "maximum", "minimum", "maxLength", "minLength")
DESCRIPTION_CHARS = 240


def endpoint_paths(header: str):
    with open(header, encoding="utf-8") as handle:
        return sorted(set(re.findall(r'inline constexpr std::string_view k\w+ = "([^"]+)";', handle.read())))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)

    def deref(node):
        while isinstance(node, dict) and "$ref" in node:
            target = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def compact(node, depth=0):
        own_description = node.get("description") if isinstance(node, dict) else None
        node = deref(node)
        if "allOf" in node:
            merged = {"type": "object", "properties": {}, "required": []}
            for part in node["allOf"]:
                part = deref(part)
                merged["properties"].update(part.get("properties", {}))
                merged["required"] += part.get("required", [])
            node = merged
        # "enum": null (the spec's analytics dimension and metric, filter op,
        # sort order) lists nothing: the values are in the description.
        out = {key: node[key] for key in KEEP if node.get(key) is not None}
        if "type" not in out:
            if "properties" in node:
                out["type"] = "object"
            elif "items" in node:
                out["type"] = "array"
        description = " ".join(str(own_description or node.get("description", "")).split())
        if description:
            out["description"] = description[:DESCRIPTION_CHARS]
        if depth < 12 and "properties" in node:
            out["properties"] = {name: compact(value, depth + 1) for name, value in sorted(node["properties"].items())}
            if node.get("required"):
                out["required"] = sorted(set(node["required"]))
        if depth < 12 and "items" in node:
            out["items"] = compact(node["items"], depth + 1)
        return out

    schemas, missing = {}, []
    for path in endpoint_paths("src/ozon/endpoints.h"):
        operation = spec["paths"].get(path, {}).get("post")
        if operation is None:
            missing.append(path)
            continue
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        schemas[path] = compact(body) if body else {"type": "object", "properties": {}}
    result = {
        "source": f"{spec['info'].get('title', '')} {spec['info'].get('version', '')}".strip(),
        "requests": schemas,
        "not_in_spec": missing,
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
