"""Writing the deck's package: the .pptx ZIP, deterministic and in one pass.

python-pptx's ``Presentation.save`` stamps every member with the current time
and builds each ``.rels`` file and ``[Content_Types].xml`` as an XML tree
(computing each relative target with ``posixpath.relpath``). Here the same
members, in the same order and with the same content, are written directly:
relationship and content-type XML as text, the ZIP by hand (the format
``zipfile`` writes, field for field, with a fixed time), and the deflated
data of member contents that repeat from deck to deck (the template's
layouts, master and theme) reused instead of compressed again.

Only python-pptx's package model is read (parts, partnames, relationships);
``tests/test_deck_xml.py`` compares a package written here with
``Presentation.save``'s, member by member. :func:`write_package` raises
``AttributeError`` if python-pptx's internals moved (the caller then saves
the documented way).
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from handouts.markup import escape_attr

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DOS_DATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_DOS_TIME = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2
_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_VERSION, _UNIX, _DEFLATED, _MODE = 20, 3, 8, 0o644 << 16  # what zipfile writes for our ZipInfo
_UTF8_NAME = 0x800


def write_package(prs: Any) -> bytes:
    """The presentation as .pptx bytes: what ``prs.save`` writes, with fixed times."""
    package = prs.part.package
    parts = list(package.iter_parts())
    archive = _Zip()
    archive.add("[Content_Types].xml", _content_types(parts))
    archive.add("_rels/.rels", _rels_xml(package._rels, "/"))
    for part in parts:
        archive.add(part.partname.membername, part.blob)
        if part._rels:
            archive.add(part.partname.rels_uri.membername, _rels_xml(part._rels, part.partname.baseURI))
    return archive.close()


# -- relationships and content types --------------------------------------------
_REFS: dict[tuple[str, str], str] = {}  # (base URI, partname) -> relative target; a few hundred at most


def _target(base_uri: str, partname: str) -> str:
    """python-pptx's ``PackURI.relative_ref``, remembered (``relpath`` is slow)."""
    ref = _REFS.get((base_uri, partname))
    if ref is None:
        import posixpath

        ref = partname[1:] if base_uri == "/" else posixpath.relpath(partname, base_uri)
        if len(_REFS) > 10_000:
            _REFS.clear()
        _REFS[(base_uri, partname)] = ref
    return ref


def _rels_xml(rels: Any, base_uri: str) -> bytes:
    """A ``.rels`` member as python-pptx's ``_Relationships.xml`` writes it (numerical rId order)."""
    external = [rel.target_ref for rel in rels.values() if rel.is_external]
    if any(ch in ref for ref in external for ch in "\t\n\r"):
        return rels.xml  # characters lxml would write as character references: let it
    order = sorted((int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0, rId) for rId in rels.keys())
    out = [f'<Relationships xmlns="{_RELS_NS}">']
    for _, rId in order:
        rel = rels[rId]
        if rel.is_external:
            out.append(f'<Relationship Id="{escape_attr(rId)}" Type="{escape_attr(rel.reltype)}" '
                       f'Target="{escape_attr(rel.target_ref)}" TargetMode="External"/>')
        else:
            out.append(f'<Relationship Id="{escape_attr(rId)}" Type="{escape_attr(rel.reltype)}" '
                       f'Target="{escape_attr(_target(base_uri, str(rel.target_partname)))}"/>')
    out.append("</Relationships>")
    return _DECLARATION + "".join(out).encode("utf-8")


def _content_types(parts: list) -> bytes:
    """``[Content_Types].xml`` as python-pptx's ``_ContentTypesItem`` writes it:
    a Default per known extension, an Override per other part, both sorted."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.spec import default_content_types

    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = {}
    for part in parts:
        partname, content_type = part.partname, part.content_type
        ext = partname.ext.lower()
        if (ext, content_type) in default_content_types:
            defaults[ext] = content_type
        else:
            overrides[str(partname)] = content_type
    out = [f'<Types xmlns="{_TYPES_NS}">']
    out += [f'<Default Extension="{escape_attr(ext)}" ContentType="{escape_attr(ct)}"/>'
            for ext, ct in sorted(defaults.items())]
    out += [f'<Override PartName="{escape_attr(name)}" ContentType="{escape_attr(ct)}"/>'
            for name, ct in sorted(overrides.items())]
    out.append("</Types>")
    return _DECLARATION + "".join(out).encode("utf-8")


# -- the ZIP ---------------------------------------------------------------------
class _DeflateCache:
    """Deflated data of member contents this process has written before.

    A content is kept once it has been seen twice (so a batch's slides, each
    unique, do not crowd out the template's parts), within a budget of bytes
    that keeps a long batch's memory flat: when full it is cleared whole.
    Deflating is deterministic, so a hit changes no byte."""

    def __init__(self, budget: int = 4 << 20, remembered: int = 20_000) -> None:
        self.budget, self.remembered = budget, remembered
        self._seen: set[int] = set()
        self._data: dict[bytes, tuple[int, bytes]] = {}
        self._size = 0

    def deflate(self, blob: bytes) -> tuple[int, bytes]:
        """(CRC-32, raw deflate stream at zipfile's default level) of ``blob``."""
        hit = self._data.get(blob)
        if hit is not None:
            return hit
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        result = zlib.crc32(blob), compressor.compress(blob) + compressor.flush()
        key = hash(blob)
        if key not in self._seen:
            if len(self._seen) >= self.remembered:
                self._seen.clear()
            self._seen.add(key)
        elif len(blob) <= self.budget // 8:
            cost = len(blob) + len(result[1])
            if self._size + cost > self.budget:
                self._data.clear()
                self._size = 0
            self._data[blob] = result
            self._size += cost
        return result


_CACHE = _DeflateCache()


class _Zip:
    """A ZIP archive in memory, as ``zipfile.ZipFile(..., "w", ZIP_DEFLATED)``
    writes it for members stamped :data:`ZIP_TIME` with mode 0644 on Unix."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._central: list[bytes] = []
        self._offset = 0

    def add(self, name: str, blob: bytes) -> None:
        crc, data = _CACHE.deflate(blob)
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        if max(len(blob), len(data), self._offset) > 0x7000_0000 or len(self._central) >= 0xFFFE:
            raise OverflowError("the deck needs ZIP64 records: zipfile writes those")
        fields = (flags, _DEFLATED, _DOS_TIME, _DOS_DATE, crc, len(data), len(blob), len(raw))
        header = struct.pack("<4s2B4HL2L2H", b"PK\003\004", _VERSION, 0, *fields, 0) + raw
        self._central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", _VERSION, _UNIX, _VERSION, 0, *fields,
                                         0, 0, 0, 0, _MODE, self._offset) + raw)
        self._chunks += (header, data)
        self._offset += len(header) + len(data)

    def close(self) -> bytes:
        directory = b"".join(self._central)
        count = len(self._central)
        end = struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, count, count, len(directory), self._offset, 0)
        return b"".join(self._chunks) + directory + end
