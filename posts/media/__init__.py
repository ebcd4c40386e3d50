"""Media services: take uploads in, make per-network renditions, serve them to networks.

* ``ingest``: ``ingest_upload`` decides what a file is from its bytes (never
  its name), refuses what no network could use, applies the EXIF orientation
  and strips every piece of metadata (GPS, camera serials, owner names, XMP,
  IPTC, comments; the ICC colour profile stays) before anything is stored.
* ``library``: alt text rules (``clean_alt_text``, ``alt_text_missing``),
  ``update_alt_text`` and ``delete_asset``.
* ``renditions``: ``rendition_for`` makes, once per asset, network and
  variant, a copy that fits the network's ``Limits`` (pixels, bytes, formats,
  Instagram's aspect ratios); ``aspect_ratio_problem`` explains a ratio a
  network refuses and the fixes on offer; ``thumbnail_for`` makes the
  library's previews.
* ``handoff``: ``media_item_for`` is what the engine hands an adapter, with a
  local copy of the file where the storage is remote.
* ``signed_urls``: ``signed_media_url`` and ``load_signed_media`` give networks
  that fetch media themselves (Instagram) an unguessable URL that stops working.
* ``limits``, ``describe`` and ``decoding`` are what these share: our own size
  bounds and each network's, wording for people, and guarded image decoding.

Files are only ever reached through Django's storage API, so a bucket works
as well as a disk; a local path appears only where a library needs one
(PyAV writing an MP4, an adapter reading bytes to upload).

Imports point one way: ``handoff`` uses ``renditions`` and ``signed_urls``;
``ingest`` uses ``library``; all may use ``limits``, ``describe`` and ``decoding``.
"""
