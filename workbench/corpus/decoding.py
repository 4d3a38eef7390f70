"""Turn a file's bytes into text, or say clearly why that is not possible.

News folders hold UTF-8 most of the time, but also Windows-1252/Latin-1 exports,
UTF-16 files saved by office tools (with a byte-order mark), and now and then a
stray PDF or image. :func:`decode_bytes` decodes what can be decoded and raises
:class:`UndecodableError`, with a reason a person can act on, for the rest.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from workbench.errors import UndecodableError

#: Byte-order marks, longest first so that UTF-32's is not mistaken for UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Share of control characters above which decoded "text" is taken to be binary data,
#: counted in the first this-many characters (both set by hand).
_MAX_CONTROL_SHARE = 0.05
_CONTROL_SAMPLE_CHARS = 100_000
#: BOM-less UTF-16 is recognised when more than the first share of the bytes at odd (or
#: even) positions are NUL and fewer than the second share at the others (set by hand).
_UTF16_NUL_SHARE = 0.8
#: File signatures of formats that are not text, whatever the file is called.
_MAGIC_BYTES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_UTF16_OTHER_NUL_SHARE = 0.1
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from a file, with the encoding that decoded it."""

    text: str
    encoding: str


def decode_bytes(data: bytes, *, declared: str | None = None) -> DecodedText:
    """Decode ``data`` as UTF-8, UTF-16/32 (with a BOM), Windows-1252 or Latin-1.

    Parameters
    ----------
    data : bytes
        The whole content of a file.
    declared : str, optional
        An encoding the file declares (an HTML page's ``<meta charset>``, see
        :func:`declared_charset`): tried first, after a byte-order mark, when
        Python knows it and it decodes the data.

    Returns
    -------
    DecodedText
        The text and the name of the encoding used.

    Raises
    ------
    UndecodableError
        If the data is empty, whitespace only, binary (NUL bytes or control
        characters in more than :data:`_MAX_CONTROL_SHARE` of it), or invalid in
        the encoding its byte-order mark announces. A few stray NUL bytes in
        text are kept as U+FFFD, so one bad byte does not lose an article.

    Examples
    --------
    >>> decode_bytes("café".encode("latin-1"))
    DecodedText(text='café', encoding='cp1252')
    """
    if not data:
        raise UndecodableError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UndecodableError(
                    f"invalid {encoding.upper()} despite its byte-order mark ({error.reason})"
                ) from None
            return _checked(text, encoding)
    for magic, kind in _MAGIC_BYTES:
        if data.startswith(magic):
            raise UndecodableError(f"{kind}, not text (convert it to text first)")
    stray_nuls = False
    if b"\x00" in data:
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16, "utf-16")
        if data.count(0) > _MAX_CONTROL_SHARE * len(data):
            raise UndecodableError("binary file (contains NUL bytes)")
        stray_nuls = True  # a few NUL bytes in text: each shown as U+FFFD, the rest kept
    candidates = ("utf-8", "cp1252", "latin-1")
    if declared is not None and _known_codec(declared):
        candidates = (declared, *candidates)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked(text.replace("\x00", "\ufffd") if stray_nuls else text, encoding)
    raise AssertionError("latin-1 decodes every byte sequence")  # pragma: no cover


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB (``<meta charset="...">``)."""
    match = _META_CHARSET.search(data[:4096])
    return match[1].decode("ascii").lower() if match else None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """Decode BOM-less UTF-16, recognised by NUL high bytes in every other position.

    ``None`` when the NUL bytes do not fall that way.
    """
    if len(data) % 2 == 0:
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        half = len(data) // 2
        encoding = None
        if odd_nuls > _UTF16_NUL_SHARE * half and even_nuls < _UTF16_OTHER_NUL_SHARE * half:
            encoding = "utf-16-le"
        elif even_nuls > _UTF16_NUL_SHARE * half and odd_nuls < _UTF16_OTHER_NUL_SHARE * half:
            encoding = "utf-16-be"
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    return None


def _checked(text: str, encoding: str) -> DecodedText:
    """Reject decoded text that is blank or mostly control characters."""
    if not text.strip():
        raise UndecodableError("file holds only whitespace")
    sample = text[:_CONTROL_SAMPLE_CHARS]
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise UndecodableError(f"binary file ({controls} control characters in the first part)")
    return DecodedText(text=text, encoding=encoding)
