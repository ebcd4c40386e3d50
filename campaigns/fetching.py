"""Fetching a file named by URL in an imported row, safely, into the media library.

A CSV file is input from anyone who may draft: its URLs must not reach the server's own network
(a cloud's metadata service, the database, an admin page on localhost). So: http(s) only, the
host's every address must be public, the connection goes to the address that was checked (no
second lookup a DNS answer could change), at most three redirects each checked the same way, a
time limit on every step and a size limit on the body. The file then goes through the media
upload service, which decides its type from its content and strips its metadata.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from posts.media.ingest import ingest_upload
from posts.media.limits import max_image_bytes, max_video_bytes
from posts.models import MediaAsset

MAX_REDIRECTS = 3


def _timeout() -> float:
    return float(getattr(settings, "IMPORT_FETCH_TIMEOUT_S", 15))


def _refused(url: str, why: str) -> ValidationError:
    return ValidationError(_("%(url)s cannot be fetched: %(why)s") % {"url": url[:200], "why": why})


def check_address(url: str) -> tuple[str, str, int, str]:
    """``(scheme, host, port, address)`` for a URL that may be fetched; ValidationError otherwise.
    The address is the host's first public one; a host with any private address is refused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _refused(url, _("it is not a web address.")) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _refused(url, _("only http:// and https:// addresses can be fetched."))
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise _refused(url, _("its host name is not known.")) from None
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    if not addresses or not all(address.is_global for address in addresses):
        raise _refused(url, _("it points at a private or local network address."))
    return parts.scheme.lower(), parts.hostname, port, str(addresses[0])


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an address already checked, with the certificate checked for the host name."""

    def __init__(self, host: str, *, address: str, **kwargs):
        super().__init__(host, context=ssl.create_default_context(), **kwargs)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, *, address: str, **kwargs):
        super().__init__(host, **kwargs)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def fetch_bytes(url: str) -> tuple[bytes, str]:
    """The body at ``url`` and the name of its last path segment; ValidationError when it cannot
    or may not be fetched, is too large or too slow."""
    limit = max(max_image_bytes(), max_video_bytes())
    deadline = time.monotonic() + _timeout()
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, address = check_address(url)
        kind = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = kind(host, port=port, address=address, timeout=_timeout())
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": "PhysSocial import", "Accept": "image/*,video/*"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status != 200:
                raise _refused(url, _("the server answered %(status)s.") % {"status": response.status})
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise _refused(url, _("the file is too large."))
            chunks, size = [], 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > limit:
                    raise _refused(url, _("the file is too large."))
                if time.monotonic() > deadline:
                    raise _refused(url, _("the server is too slow."))
                chunks.append(chunk)
            name = parts.path.rsplit("/", 1)[-1] or "imported"
            return b"".join(chunks), name[:200]
        except (OSError, http.client.HTTPException):
            raise _refused(url, _("the server did not answer in time or broke off.")) from None
        finally:
            connection.close()
    raise _refused(url, _("it redirects too many times."))


def fetch_media(url: str, *, organization: Organization, by: User, alt_text: str = "") -> MediaAsset:
    """Fetch ``url`` into ``organization``'s media library through the upload service."""
    data, name = fetch_bytes(url)
    try:
        return ingest_upload(
            organization=organization,
            uploaded_by=by,
            uploaded_file=SimpleUploadedFile(name, data),
            alt_text=alt_text,
        )
    except ValidationError as error:
        raise _refused(url, " ".join(error.messages)) from None
