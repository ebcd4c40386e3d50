"""The API's side of ``physsocial.input_rules``: strict fields, the JSON parser, the error answers.

* ``StrictSerializer`` refuses unknown fields; ``TextField``, ``IdField``, ``FlagField`` and
  ``TimeField`` accept one JSON type each and apply the shared rules, so the schema
  drf-spectacular publishes says what the API really takes.
* ``JSONParser`` refuses bodies larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (413) or nested
  deeper than ``MAX_JSON_DEPTH`` (400) before any view sees them.
* ``exception_handler`` (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``) words every error for a
  person, as JSON: DRF's internals ("JSON parse error - … (char 13)", "Expected a
  dictionary, but got list") never reach a user.
* ``api_not_found`` and friends answer JSON, not an HTML page, under ``/api/``.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import exceptions, parsers, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from physsocial import input_rules

MAX_JSON_DEPTH = 16
ISO_EXAMPLE = "2026-03-09T09:30:00-04:00"


# --- fields --------------------------------------------------------------------------------------


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not declare: a mistyped "schedule_at" must not quietly become "publish now"."""

    unknown_field_message = gettext_lazy("This field is not accepted here.")

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict) and not hasattr(data, "keys"):
            raise serializers.ValidationError(
                {"detail": [_('Send a JSON object, such as {"text": "…"}.')]}, code="not_an_object"
            )
        unknown = sorted(set(data.keys()) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: [str(self.unknown_field_message)] for name in unknown})
        return super().to_internal_value(data)


class TextField(serializers.CharField):
    """Text only (123 is not text), without NUL or lone surrogates."""

    default_error_messages = {
        "invalid": gettext_lazy("Give text, in quotes."),
        "blank": gettext_lazy("This field may not be blank."),
    }

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            input_rules.check_text(data, field=_("This text"))
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return super().to_internal_value(data)


class IdField(serializers.IntegerField):
    """An id: a JSON whole number from 1 to 2^63 - 1 (digits too, in a query string)."""

    default_error_messages = {
        "invalid": gettext_lazy("Give an id: a whole number such as 12."),
        "min_value": gettext_lazy("Give an id: a whole number from 1 to 9223372036854775807."),
        "max_value": gettext_lazy("Give an id: a whole number from 1 to 9223372036854775807."),
        "max_string_length": gettext_lazy("Give an id: a whole number such as 12."),
    }

    def __init__(self, *, from_text: bool = False, **kwargs: Any) -> None:
        self.from_text = from_text
        super().__init__(min_value=1, max_value=input_rules.MAX_ID, **kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not (isinstance(data, int) or (self.from_text and isinstance(data, str))):
            self.fail("invalid")
        if isinstance(data, str):
            parsed = input_rules.parse_id(data)
            if parsed is None:
                self.fail("max_value" if data.strip().isdigit() else "invalid")
            return parsed
        return super().to_internal_value(data)


class FlagField(serializers.BooleanField):
    """true or false, nothing else: "yes", 1 and "maybe" are refused rather than guessed."""

    default_error_messages = {"invalid": gettext_lazy("Give true or false.")}

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class TimeField(serializers.DateTimeField):
    """ISO-8601 with a UTC offset ("Z" or "-04:00"), between EARLIEST and LATEST. Naive times are refused."""

    default_error_messages = {
        "invalid": gettext_lazy(
            "Give an ISO-8601 date and time with its UTC offset, such as {example} or 2026-03-09T13:30:00Z."
        ),
        "naive": gettext_lazy(
            "This time has no UTC offset, and PhysSocial never guesses a time zone. Add one, such as {example} "
            "or a final Z for UTC."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_timezone=UTC, **kwargs)

    def to_internal_value(self, value: Any) -> datetime:
        if not isinstance(value, str) or ":" not in value:  # a date alone is not a time
            self.fail("invalid", example=ISO_EXAMPLE)
        try:
            parsed = parse_datetime(value.strip())
        except ValueError:  # well-formed but impossible, e.g. month 13
            parsed = None
        if parsed is None:
            self.fail("invalid", example=ISO_EXAMPLE)
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            self.fail("naive", example=ISO_EXAMPLE)
        try:
            input_rules.check_time_range(parsed)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return parsed.astimezone(UTC)


@extend_schema_field({"type": "object", "additionalProperties": True})
class JsonObjectField(serializers.DictField):
    """A JSON object whose every string (keys too) obeys the text rule, e.g. a network's options."""

    default_error_messages = {"not_a_dict": gettext_lazy("Give a JSON object, such as {{}}.")}

    def to_internal_value(self, data: Any) -> dict:
        if not isinstance(data, dict):
            self.fail("not_a_dict", input_type=type(data).__name__)
        try:
            input_rules.check_texts_in(data, field=_("This field"))
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return super().to_internal_value(data)


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})
class SentencesField(serializers.JSONField):
    """An error's "detail": one sentence, or a list of them."""


# --- parsing -------------------------------------------------------------------------------------


def page_of(name: str, serializer: serializers.Serializer) -> serializers.Serializer:
    """The schema of one page of a paginated list (DRF's PageNumberPagination): ``serializer`` many times."""
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer,
        },
    )


def max_body_bytes() -> int:
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440


class BodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self) -> None:
        super().__init__(
            _("The request body is larger than %(limit)s; send less at once.")
            % {"limit": filesizeformat(max_body_bytes())}
        )


def _depth(value: Any) -> int:
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, level + 1) for child in children)
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with a size and a depth limit, and errors in plain words."""

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        limit = max_body_bytes()
        request = (parser_context or {}).get("request")
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        except ValueError:
            declared = 0
        if declared > limit:
            raise BodyTooLarge()
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise BodyTooLarge()
        try:
            data = json.loads(raw.decode(), parse_constant=_refuse_constant)
        except RecursionError:
            raise exceptions.ParseError(_("The JSON is nested too deep.")) from None
        except (ValueError, UnicodeDecodeError):
            raise exceptions.ParseError(
                _("The body is not valid JSON: check the quotes, commas and brackets.")
            ) from None
        if _depth(data) > MAX_JSON_DEPTH:
            raise exceptions.ParseError(
                _("The JSON is nested too deep: at most %(depth)s levels.") % {"depth": MAX_JSON_DEPTH}
            )
        return data


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# --- answers -------------------------------------------------------------------------------------

# DRF's own words, by error code, replaced with ours.
PLAIN_WORDS = {
    "not_a_list": gettext_lazy("Give a list, such as [12, 14]."),
    "not_a_dict": gettext_lazy("Give a JSON object, such as {}."),
    "no_data": gettext_lazy('The body is empty: send a JSON object, such as {"text": "…"}.'),
    "null": gettext_lazy("This field cannot be null."),
    "invalid_choice": gettext_lazy("This is not one of the accepted values."),
    "max_string_length": gettext_lazy("This number is too large."),
}


def _plain(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {("detail" if key == "non_field_errors" else key): _plain(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_plain(item) for item in detail]
    if isinstance(detail, exceptions.ErrorDetail) and detail.code in PLAIN_WORDS:
        return str(PLAIN_WORDS[detail.code])
    if isinstance(detail, exceptions.ErrorDetail) and detail.code == "invalid" and "Expected a dictionary" in detail:
        return _('Send a JSON object, such as {"text": "…"}.')
    return detail


def _accepted_types(view: Any) -> str:
    names = {"application/json": "JSON (application/json)"}
    types = [names.get(parser.media_type, parser.media_type) for parser in getattr(view, "parser_classes", [])]
    return " or ".join(dict.fromkeys(types)) or "application/json"


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler with every answer in plain words, and a JSON 413 for a body too large."""
    view = context.get("view")
    if isinstance(exc, RequestDataTooBig):
        exc = BodyTooLarge()
    elif isinstance(exc, exceptions.MethodNotAllowed):
        allowed = ", ".join(m for m in getattr(view, "allowed_methods", []) if m not in ("OPTIONS", "HEAD"))
        exc = exceptions.MethodNotAllowed(
            context["request"].method,
            detail=_("This address does not take %(method)s requests; use %(allowed)s.")
            % {"method": context["request"].method, "allowed": allowed},
        )
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        exc = exceptions.UnsupportedMediaType(
            exc.detail, detail=_("Send the body as %(types)s.") % {"types": _accepted_types(view)}
        )
    elif isinstance(exc, exceptions.ParseError) and str(exc.detail).startswith("JSON parse error"):
        exc = exceptions.ParseError(_("The body is not valid JSON: check the quotes, commas and brackets."))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if response.status_code == status.HTTP_404_NOT_FOUND:
        response.data = {"detail": _("Not found: there is nothing with this id in your organization.")}
    elif isinstance(exc, exceptions.ValidationError):
        response.data = _plain(response.data)
    return response


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def api_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 anywhere: JSON under /api/, the usual page elsewhere."""
    if _wants_json(request):
        return JsonResponse({"detail": _("There is nothing at this address.")}, status=404)
    return defaults.page_not_found(request, exception)


def api_bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _wants_json(request):
        if isinstance(exception, RequestDataTooBig):
            return JsonResponse({"detail": BodyTooLarge().detail}, status=413)
        return JsonResponse({"detail": _("The request could not be read.")}, status=400)
    return defaults.bad_request(request, exception)


def api_server_error(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": _("Something went wrong on our side; please try again later.")}, status=500)
    return defaults.server_error(request)


# --- the schema ------------------------------------------------------------------------------------

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {}},
    "additionalProperties": True,
}
ERROR_ANSWERS = {
    "400": "The request is invalid: the answer names each field and says why.",
    "401": "No valid API token.",
    "404": "No such thing in the token's organization.",
    "405": "This address does not take this method.",
    "413": "The body is larger than the limit.",
    "415": "The body is not in a format this address takes.",
    "429": "Too many requests: wait the number of seconds in Retry-After, then try again.",
}


def postprocess_schema(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """Make the schema as strict as the API: request bodies refuse unknown fields, and every
    operation declares the error answers it can give (``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``)."""
    schemas = result.get("components", {}).get("schemas", {})
    request_refs = set()
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for media in operation.get("requestBody", {}).get("content", {}).values():
                ref = media.get("schema", {}).get("$ref", "")
                if ref:
                    request_refs.add(ref.rsplit("/", 1)[-1])
            responses = operation.setdefault("responses", {})
            for code, description in ERROR_ANSWERS.items():
                answer = responses.setdefault(code, {"description": description})
                answer.setdefault("content", {"application/json": {"schema": copy.deepcopy(ERROR_SCHEMA)}})
    pending = list(request_refs)
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        component = schemas[name]
        if component.get("type") == "object" and "properties" in component:
            component["additionalProperties"] = False
        for ref in _refs_in(component):
            pending.append(ref)
    return result


def _refs_in(value: Any) -> list[str]:
    found: list[str] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str):
                found.append(item["$ref"].rsplit("/", 1)[-1])
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found
