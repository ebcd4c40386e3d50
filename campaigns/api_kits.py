"""REST API of the share kits, through ``campaigns.kits``.

**Which organization a token acts for.** An API token belongs to one user *and one
organization* (``accounts.models.api_tokens``), and every view acts there. Share kits involve two:

* Adopting (``/share-kits/…``) makes a post, so it acts like the posts API: the post is made in
  the **token's organization** (usually the member's personal one), with its accounts, roles and
  rules. The kits it reads are those of every association the token's *user* belongs to: reading
  a kit needs only membership (``kit.view``), and nothing of the association is written. So a
  member needs no token in the association, where a viewer could not even schedule.
* Editing a kit and reading its figures (``/campaigns/{id}/…``) act in the **association**: the
  token must be an association staff member's token for that association, as for any other row
  of an organization; another organization's campaign is a 404.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api import OrganizationAPIView
from campaigns import kits
from campaigns.models import Campaign, Suggestion
from physsocial.api_input import FlagField, IdField, JSONParser, SentencesField, StrictSerializer, TextField, TimeField
from platforms.description import DESCRIPTIONS
from posts.api import INVALID, PostsAPIView
from posts.serializers import PostSerializer

NOT_FOUND = OpenApiResponse(description="No such campaign or suggestion open to the token.")
FORBIDDEN = OpenApiResponse(description="Your role does not allow this.")
BAD_INPUT = OpenApiResponse(
    inline_serializer("KitProblems", fields={"detail": SentencesField(required=False)}),
    description="The input is refused; each field's problems under its name.",
)


class WeekdayField(serializers.IntegerField):
    default_error_messages = {"invalid": gettext_lazy("Give a day as a number from 0 (Monday) to 6 (Sunday).")}

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=6, **kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class LocalTimeField(serializers.TimeField):
    """A wall time "08:00" in the association's zone."""

    default_error_messages = {"invalid": gettext_lazy("Give a time of day as HH:MM, such as 08:00.")}

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", input_formats=["%H:%M", "%H:%M:%S"], **kwargs)

    def to_internal_value(self, data: Any):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class SuggestionSerializer(serializers.ModelSerializer):
    media = serializers.PrimaryKeyRelatedField(many=True, read_only=True, help_text="Ids in the association's library.")
    network_texts = serializers.DictField(child=serializers.CharField(), help_text="Network key → its own text.")
    hashtags = serializers.ListField(child=serializers.CharField(), help_text="Without their #.")
    window_weekdays = serializers.ListField(child=serializers.IntegerField(), help_text="0 is Monday; empty: any day.")
    window_starts_at = serializers.TimeField(format="%H:%M", allow_null=True)
    window_ends_at = serializers.TimeField(format="%H:%M", allow_null=True)
    window = serializers.SerializerMethodField(help_text="The window in words, with the association's time zone.")

    class Meta:
        model = Suggestion
        fields = [
            "id",
            "title",
            "text",
            "network_texts",
            "link",
            "media",
            "hashtags",
            "window_weekdays",
            "window_starts_at",
            "window_ends_at",
            "window",
            "note_to_members",
            "position",
        ]
        read_only_fields = fields
        ref_name = "Suggestion"

    def get_window(self, suggestion: Suggestion) -> str:
        return kits.describe_window(suggestion)


class SuggestionInputSerializer(StrictSerializer):
    title = TextField(max_length=120)
    text = TextField(required=False, allow_blank=True, default="")
    network_texts = serializers.DictField(
        child=TextField(allow_blank=True),
        required=False,
        default=dict,
        help_text=f"Network key ({', '.join(DESCRIPTIONS)}) → that network's own text.",
    )
    link = TextField(required=False, allow_blank=True, default="", max_length=2000)
    media = serializers.ListField(child=IdField(), required=False, default=list, max_length=20)
    hashtags = serializers.ListField(child=TextField(max_length=140), required=False, default=list, max_length=30)
    window_weekdays = serializers.ListField(child=WeekdayField(), required=False, default=list, max_length=7)
    window_starts_at = LocalTimeField(required=False, allow_null=True, default=None)
    window_ends_at = LocalTimeField(required=False, allow_null=True, default=None)
    note_to_members = TextField(required=False, allow_blank=True, default="")

    class Meta:
        ref_name = "SuggestionInput"


def _as_input(body: dict[str, Any]) -> kits.SuggestionInput:
    return kits.SuggestionInput(
        title=body["title"],
        text=body["text"],
        network_texts=body["network_texts"],
        link=body["link"],
        media_ids=body["media"],
        hashtags=body["hashtags"],
        window_weekdays=body["window_weekdays"],
        window_starts_at=body["window_starts_at"],
        window_ends_at=body["window_ends_at"],
        note_to_members=body["note_to_members"],
    )


def _current(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "title": suggestion.title,
        "text": suggestion.text,
        "network_texts": suggestion.network_texts,
        "link": suggestion.link,
        "media": [asset.pk for asset in suggestion.media.all()],
        "hashtags": suggestion.hashtags,
        "window_weekdays": suggestion.window_weekdays,
        "window_starts_at": suggestion.window_starts_at,
        "window_ends_at": suggestion.window_ends_at,
        "note_to_members": suggestion.note_to_members,
    }


class KitAPIView(OrganizationAPIView):
    parser_classes = [JSONParser]

    def campaign(self, pk: int) -> Campaign:
        return kits.managed_campaign(self.request.user, pk, organization=self.get_organization())


class SuggestionListCreateApi(KitAPIView):
    """A campaign's suggested posts (the association's staff)."""

    @extend_schema(
        operation_id="campaign_suggestions_list",
        summary="List a campaign's suggested posts",
        description="In the kit's order. The token must be staff's (owner, admin, editor) of the association.",
        responses={200: SuggestionSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["share kits"],
    )
    def get(self, request: Request, campaign_id: int) -> Response:
        campaign = self.campaign(campaign_id)
        suggestions = campaign.suggestions.select_related("campaign__organization").prefetch_related("media")
        return Response(SuggestionSerializer(suggestions, many=True).data)

    @extend_schema(
        operation_id="campaign_suggestions_create",
        summary="Add a suggested post",
        description=(
            "At the end of the kit. `window_starts_at` and `window_ends_at` (both or neither) are wall times in the "
            "association's time zone; `media` ids of its library, each picture described (alt text)."
        ),
        request=SuggestionInputSerializer,
        responses={201: SuggestionSerializer, 400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "Tuesday mornings",
                request_only=True,
                value={
                    "title": "Get your flu shot",
                    "text": "Flu shots are here.",
                    "network_texts": {"linkedin": "Colleagues: flu shots protect us all."},
                    "hashtags": ["GetVaccinated"],
                    "window_weekdays": [1],
                    "window_starts_at": "08:00",
                    "window_ends_at": "10:00",
                },
            )
        ],
        tags=["share kits"],
    )
    def post(self, request: Request, campaign_id: int) -> Response:
        campaign = self.campaign(campaign_id)
        data = SuggestionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        suggestion = kits.create_suggestion(campaign, by=request.user, data=_as_input(data.validated_data))
        return Response(SuggestionSerializer(suggestion).data, status=status.HTTP_201_CREATED)


class SuggestionDetailApi(KitAPIView):
    """One suggested post (the association's staff)."""

    def suggestion(self, campaign_id: int, pk: int) -> Suggestion:
        campaign = self.campaign(campaign_id)
        found = campaign.suggestions.select_related("campaign__organization").filter(pk=pk).first()
        if found is None:
            raise Http404(_("No such suggestion."))
        return found

    @extend_schema(
        operation_id="campaign_suggestions_retrieve",
        summary="Read a suggested post",
        responses={200: SuggestionSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["share kits"],
    )
    def get(self, request: Request, campaign_id: int, pk: int) -> Response:
        return Response(SuggestionSerializer(self.suggestion(campaign_id, pk)).data)

    @extend_schema(
        operation_id="campaign_suggestions_partial_update",
        summary="Edit a suggested post",
        description="Fields left out stay as they are. Members' posts already made from it do not change.",
        request=SuggestionInputSerializer(partial=True),
        responses={200: SuggestionSerializer, 400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["share kits"],
    )
    def patch(self, request: Request, campaign_id: int, pk: int) -> Response:
        suggestion = self.suggestion(campaign_id, pk)
        data = SuggestionInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        body = {**_current(suggestion), **data.validated_data}
        suggestion = kits.update_suggestion(suggestion, by=request.user, data=_as_input(body))
        return Response(SuggestionSerializer(suggestion).data)

    @extend_schema(
        operation_id="campaign_suggestions_destroy",
        summary="Remove a suggested post",
        description="Its figures go with it; members' posts made from it stay theirs.",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["share kits"],
    )
    def delete(self, request: Request, campaign_id: int, pk: int) -> Response:
        kits.delete_suggestion(self.suggestion(campaign_id, pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AdopterSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Empty for a member counted without their name.")
    adopted_on = serializers.DateField()
    scheduled = serializers.BooleanField()
    published = serializers.BooleanField()
    links = serializers.SerializerMethodField(help_text="The public posts: network label → address.")

    class Meta:
        ref_name = "Adopter"

    def get_links(self, row: kits.AdopterRow) -> list[dict[str, str]]:
        return [{"network": network, "url": url} for network, url in row.links]


class SuggestionFiguresSerializer(serializers.Serializer):
    suggestion = serializers.IntegerField(source="suggestion.pk")
    title = serializers.CharField(source="suggestion.title")
    adopted = serializers.IntegerField()
    scheduled = serializers.IntegerField()
    published = serializers.IntegerField()
    networks = serializers.DictField(child=serializers.IntegerField(), help_text="Network label → published posts.")
    adopters = AdopterSerializer(many=True)

    class Meta:
        ref_name = "SuggestionFigures"


class CampaignAdoptionApi(KitAPIView):
    """What the association learns of its kit."""

    @extend_schema(
        operation_id="campaign_adoption",
        summary="Adoption figures of a campaign's kit",
        description=(
            "Per suggested post: how many members adopted, scheduled and published it, on which networks, and "
            "the public posts' links; names unless a member chose to be counted without. Never the members' texts."
        ),
        responses={200: SuggestionFiguresSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["share kits"],
    )
    def get(self, request: Request, campaign_id: int) -> Response:
        figures = kits.adoption_figures(self.campaign(campaign_id))
        return Response(SuggestionFiguresSerializer(figures.suggestions, many=True).data)


class KitSerializer(serializers.ModelSerializer):
    association = serializers.CharField(source="organization.name")
    suggestions = SuggestionSerializer(many=True)

    class Meta:
        model = Campaign
        fields = ["id", "name", "association", "description", "starts_on", "ends_on", "hashtags", "suggestions"]
        read_only_fields = fields
        ref_name = "ShareKit"


class ShareKitListApi(OrganizationAPIView):
    """The kits open to the token's user."""

    @extend_schema(
        operation_id="share_kits_list",
        summary="List the share kits open to you",
        description=(
            "The running and upcoming campaigns of every association the token's user belongs to (any role), "
            "with their suggested posts. Adopt one with `POST /api/v1/share-kits/{suggestion_id}/adopt/`."
        ),
        responses={200: KitSerializer(many=True)},
        tags=["share kits"],
    )
    def get(self, request: Request) -> Response:
        return Response(KitSerializer(kits.kit_campaigns(request.user), many=True).data)


class AdoptInputSerializer(StrictSerializer):
    accounts = serializers.ListField(
        child=IdField(),
        required=False,
        max_length=50,
        help_text="Accounts of the token's organization; all if left out.",
    )
    scheduled_at = TimeField(required=False, help_text="Your own time; left out: the next suggested time.")
    queue = FlagField(required=False, default=False, help_text="Your next free queue slot inside the window.")
    text = TextField(required=False, help_text="Your own text instead of the kit's (hashtags are added).")
    anonymous = FlagField(required=False, help_text="Counted without your name; left out: your last choice.")
    again = FlagField(required=False, default=False, help_text="Adopt a suggestion you already adopted.")

    class Meta:
        ref_name = "AdoptSuggestion"

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("queue") and "scheduled_at" in attrs:
            raise serializers.ValidationError({"queue": [_("Give either scheduled_at or queue, not both.")]})
        return attrs


ALREADY_ADOPTED = OpenApiResponse(
    inline_serializer("AlreadyAdopted", fields={"detail": SentencesField(), "code": serializers.CharField()}),
    description='You adopted it before: send `"again": true` to make a second post.',
)


class AdoptApi(PostsAPIView):
    """Adopt a suggestion into the token's organization."""

    actions = {"POST": "post.schedule"}

    @extend_schema(
        operation_id="share_kits_adopt",
        summary="Adopt a suggested post",
        description=(
            "Makes your post, in the token's organization, from the suggestion: its texts (per network), the "
            "campaign's and the suggestion's hashtags, its link, and copies of its media; scheduled at `scheduled_at`, "
            'at your next free queue slot inside the suggested window (`"queue": true`), or at the next suggested '
            "time. It is checked like any post (`POST /api/v1/posts/`): networks' rules, the privacy policy, and "
            "review when your organization asks for it. The association sees that you scheduled and published it, "
            "and the public links, never the post itself."
        ),
        request=AdoptInputSerializer,
        responses={
            201: PostSerializer,
            400: INVALID,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: ALREADY_ADOPTED,
        },
        tags=["share kits"],
    )
    def post(self, request: Request, suggestion_id: int) -> Response:
        suggestion = kits.suggestion_for_member(request.user, suggestion_id)
        data = AdoptInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        body = data.validated_data
        when = "queue" if body["queue"] else "at" if "scheduled_at" in body else "window"
        try:
            adopted = kits.adopt_suggestion(
                suggestion,
                member=request.user,
                organization=self.get_organization(),
                account_ids=body.get("accounts"),
                when=when,
                scheduled_at=body.get("scheduled_at"),
                schedule="at",
                text=body.get("text"),
                anonymous=body.get("anonymous"),
                again=body["again"],
            )
        except kits.AlreadyAdopted as error:
            return Response({"detail": error.messages, "code": "already_adopted"}, status=status.HTTP_409_CONFLICT)
        return self.answer(adopted.post, status_code=status.HTTP_201_CREATED)
