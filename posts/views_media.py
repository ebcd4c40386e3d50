"""The media library: the active organization's uploads, alt text, deletion, and file serving.

Views fetch through ``accounts.permissions`` (another organization's media
answers 404, a role without the action 403), call one ``posts.media``
service, and answer an htmx request (or the upload script, which sends the
same header) with a partial and a plain request with the full page. The
composer's in-place upload posts here too and gets the picker's tile instead.

``serve_signed`` is the one view without login: networks that fetch media
(Instagram) reach it with a signed, expiring token instead.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions
from physsocial.web import add_service_error, is_htmx
from posts.forms_media import AltTextForm, UploadForm
from posts.media.describe import describe_duration
from posts.media.ingest import ingest_upload
from posts.media.library import alt_text_missing, alt_text_required, delete_asset, update_alt_text
from posts.media.limits import max_image_bytes, max_video_bytes
from posts.media.renditions import thumbnail_for
from posts.media.signed_urls import load_signed_media
from posts.models import MediaAsset

PAGE_SIZE = 48


def _assets(organization):
    return (
        MediaAsset.objects.filter(organization=organization)
        .select_related("organization", "uploaded_by")
        .annotate(use_count=Count("attachments"))
        .order_by("-created_at", "-pk")  # a GROUP BY query ignores Meta.ordering
    )


def _card(request: HttpRequest, asset: MediaAsset, *, form: AltTextForm | None = None, error: str = "") -> dict:
    return {
        "asset": asset,
        "alt_text_missing": alt_text_missing(asset),
        "alt_text_required": alt_text_required(asset.organization),
        "form": form or AltTextForm(initial={"alt_text": asset.alt_text}, auto_id=f"asset{asset.pk}_%s"),
        "error": error,
        "use_count": getattr(asset, "use_count", None),
        "duration": describe_duration(asset.duration_s) if asset.duration_s else "",
        "may_edit": permissions.can(request.user, "post.draft", asset.organization_id),
        "may_delete": permissions.can(request.user, "post.delete", asset.organization_id),
    }


def _render_card(request: HttpRequest, asset: MediaAsset, *, status: int = 200, **card) -> HttpResponse:
    asset = _assets(asset.organization).get(pk=asset.pk)  # fresh use count
    return render(request, "media/_asset_card.html", {"card": _card(request, asset, **card)}, status=status)


def _render_library(request: HttpRequest, *, form: UploadForm | None = None, status: int = 200) -> HttpResponse:
    organization = request.organization
    membership = permissions.require(request.user, "post.view", organization)
    page = Paginator(_assets(organization), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "organization": organization,
        "page": page,
        "cards": [_card(request, asset) for asset in page],
        "form": form or UploadForm(),
        "may_upload": permissions.role_allows(membership.role, "post.draft"),
        "max_image_bytes": max_image_bytes(),
        "max_video_bytes": max_video_bytes(),
        "alt_text_required": alt_text_required(organization),
    }
    return render(request, "media/library.html", context, status=status)


@login_required
@require_safe
def library(request: HttpRequest) -> HttpResponse:
    return _render_library(request)


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    permissions.require(request.user, "post.draft", organization)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            asset = ingest_upload(
                organization=organization,
                uploaded_by=request.user,
                uploaded_file=form.cleaned_data["file"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if request.POST.get("into") == "composer":  # the composer's in-place upload: a ticked picker tile
                context = {"asset": asset, "checked": True, "just_uploaded": True}
                return render(request, "posts/_media_choice.html", context, status=201)
            if is_htmx(request):
                return _render_card(request, asset, status=201)
            messages.success(
                request,
                gettext("%(name)s is in the library.") % {"name": asset.original_name}
                if asset.original_name
                else gettext("The file is in the library."),
            )
            return redirect("media-library")
    if is_htmx(request):
        return render(request, "media/_upload_errors.html", {"form": form}, status=400)
    return _render_library(request, form=form, status=400)


@login_required
@require_POST
def edit_alt_text(request: HttpRequest, pk: int) -> HttpResponse:
    asset = permissions.get_object(request.user, MediaAsset.objects.select_related("organization"), pk, "post.draft")
    form = AltTextForm(request.POST, auto_id=f"asset{asset.pk}_%s")
    if form.is_valid():
        try:
            update_alt_text(asset, alt_text=form.cleaned_data["alt_text"], by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
    if form.errors:
        if is_htmx(request):
            return _render_card(request, asset, form=form, status=400)
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("media-library")
    if is_htmx(request):
        return _render_card(request, asset)
    messages.success(request, gettext("Alt text saved."))
    return redirect("media-library")


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    asset = permissions.get_object(request.user, MediaAsset.objects.select_related("organization"), pk, "post.delete")
    try:
        delete_asset(asset, by=request.user)
    except ValidationError as error:
        if is_htmx(request):
            return _render_card(request, asset, error=error.messages[0], status=409)
        messages.error(request, error.messages[0])
        return redirect("media-library")
    if is_htmx(request):
        return HttpResponse("")  # the card swaps itself out
    messages.success(
        request,
        gettext("%(name)s was deleted.") % {"name": asset.original_name}
        if asset.original_name
        else gettext("The file was deleted."),
    )
    return redirect("media-library")


def _file_response(field_file: FieldFile, content_type: str, *, cache_control: str) -> FileResponse:
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404(gettext("No such file.")) from None
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = cache_control
    return response


@login_required
@require_safe
def asset_file(request: HttpRequest, pk: int) -> FileResponse:
    asset = permissions.get_object(request.user, MediaAsset.objects, pk, "post.view")
    response = _file_response(asset.file, asset.content_type, cache_control="private, max-age=3600")
    response["Content-Disposition"] = "inline"
    return response


@login_required
@require_safe
def thumbnail(request: HttpRequest, pk: int) -> FileResponse:
    asset = permissions.get_object(request.user, MediaAsset.objects, pk, "post.view")
    rendition = thumbnail_for(asset)
    return _file_response(rendition.file, rendition.content_type, cache_control="private, max-age=86400")


@require_safe
def serve_signed(request: HttpRequest, token: str, filename: str) -> FileResponse:
    """A file for a network's fetcher; 404 for a forged, altered or expired token."""
    found = load_signed_media(token)
    if found is None:
        raise Http404(gettext("No such file."))
    response = _file_response(found.file, found.content_type, cache_control="private, no-store")
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
