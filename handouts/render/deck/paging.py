"""Text over several boxes (continuation slides): where a paragraph is cut
at a box's end, how full boxes are filled in order, and how they are evened
out so no continuation slide is left nearly empty."""

from __future__ import annotations

import re

from handouts.markup import plain
from handouts.render.deck.fit import Insets, TextStyle, paragraph_lines, words_of

KEEP_WHOLE = 0.6  # a page this full ends before a paragraph rather than cutting it
BISECT_STEPS = 7  # a box height balanced to 1/128 of it: finer moves no line
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s+")


def split_paragraph(text: str, style: TextStyle, width: float, max_lines: int) -> tuple[str, str]:
    """Cut one paragraph after at most ``max_lines`` lines, at a sentence end if
    one falls in the second half, else at a line end. Returns (head, tail);
    a paragraph that is split loses its inline markup (it is set plain)."""
    flat = plain(text)
    lines = paragraph_lines(text, style, width)
    if len(lines) <= max_lines:
        return text, ""
    if max_lines <= 0:
        return "", text
    head = "".join(line + ("" if broken else " ") for line, broken in lines[:max_lines])
    head_len = len(head.rstrip())
    normal = " ".join(words_of(flat))
    cut = head_len
    ends = [m.end() for m in _SENTENCE_END.finditer(normal[: head_len + 1])]
    if ends and ends[-1] >= head_len * 0.5:
        cut = ends[-1]
    return normal[:cut].strip(), normal[cut:].strip()


def take(
    paragraphs: list[str],
    style: TextStyle,
    width: float,
    height: float,
    insets: Insets = Insets(),
    keep: float = 1.0,
) -> tuple[list[str], list[str]]:
    """The paragraphs that fill one ``width`` x ``height`` box, and the rest
    (a paragraph cut at the box's end continues, whole, in the rest). Once the
    box is ``keep`` full, a paragraph that does not fit moves to the next box
    whole instead of being cut."""
    inner_w = width - insets.left - insets.right
    inner_h = height - insets.top - insets.bottom
    lh = style.line_height
    page: list[str] = []
    used = 0.0
    for index, para in enumerate(paragraphs):
        gap = style.gap if page else 0.0
        n = len(paragraph_lines(para, style, inner_w))
        if used + gap + n * lh <= inner_h + 0.01:
            page.append(para)
            used += gap + n * lh
            continue
        room = int((inner_h - used - gap + 0.01) // lh)
        if n - room < 2 and room > 2:
            room = n - 2  # no single line of a paragraph left alone at the top of the next box
        rest = paragraphs[index:]
        if page and used >= keep * inner_h - 0.01:
            return page, rest
        if room >= 2 or (room >= 1 and not page):
            head, tail = split_paragraph(para, style, inner_w, room)
            if head:
                page.append(head)
            rest = [tail] + paragraphs[index + 1 :] if tail else paragraphs[index + 1 :]
        if not page:
            raise ValueError("a box is lower than one line of text")
        return page, rest
    return page, []


def paginate(
    paragraphs: list[str],
    style: TextStyle,
    width: float,
    height: float,
    insets: Insets = Insets(),
    keep: float = 1.0,
) -> list[list[str]]:
    """Fill boxes of ``width`` x ``height`` with paragraphs in order, splitting a
    paragraph where a box ends (unless the box is ``keep`` full); every
    returned page fits its box."""
    pages: list[list[str]] = []
    rest = list(paragraphs)
    while rest:
        page, rest = take(rest, style, width, height, insets, keep)
        pages.append(page)
    return pages or [[]]


def balanced_pages(
    paragraphs: list[str],
    style: TextStyle,
    width: float,
    height: float,
    insets: Insets = Insets(),
    count: int | None = None,
) -> list[list[str]]:
    """As few pages as :func:`paginate` fills (or ``count``, if more), with the
    text spread evenly: box heights are bisected down to the lowest that needs
    no more pages, cutting paragraphs where a box ends or moving them whole
    once a page is :data:`KEEP_WHOLE` full; of the paginations tried, the
    one with the fewest cut paragraphs whose emptiest page holds a third of
    its fullest, else the evenest. Every page fits the real ``height``."""
    greedy = paginate(paragraphs, style, width, height, insets)
    target = max(len(greedy), count or 0)
    if target < 2:
        return greedy
    lowest = max(insets.top + insets.bottom + 2 * style.line_height, height / target) - 1.0
    made = [(greedy, height, 1.0)]  # each pagination tried, with the box height and keep it was made at
    for keep in (1.0, KEEP_WHOLE):
        low, high = lowest, height
        for _ in range(BISECT_STEPS):
            mid = (low + high) / 2
            try:
                found = paginate(paragraphs, style, width, mid, insets, keep)
            except ValueError:  # a box lower than a line: too low
                low = mid
                continue
            if len(found) <= target:
                high = mid
                made.append((found, mid, keep))
            else:
                low = mid

    def rank(pages: list[list[str]]) -> tuple[bool, int, int]:
        cuts = sum(len(page) for page in pages) - len(paragraphs)
        return (not even(pages), cuts, -min(_lengths(pages)))

    best, box, keep = min(made, key=lambda m: rank(m[0]))
    if even(best) or len(best) != target:
        return best
    # boxes of one height move text a line a page: too coarse when the last page holds two
    # lines; the next-to-last box of the best pagination is lowered alone, so the last gets its share
    return min([best, *_evened_tail(paragraphs, style, width, box, height, insets, keep, target)], key=rank)


def _evened_tail(
    paragraphs: list[str],
    style: TextStyle,
    width: float,
    box: float,
    height: float,
    insets: Insets,
    keep: float,
    count: int,
) -> list[list[list[str]]]:
    """Paginations like ``paginate(..., box, keep)`` into ``count`` pages whose
    next-to-last page is cut lower (bisected), so more of the text is on the
    last page, which must still fit the real ``height``."""
    rest, head = list(paragraphs), []
    for _ in range(count - 2):
        page, rest = take(rest, style, width, box, insets, keep)
        head.append(page)
    found = []
    low, high = insets.top + insets.bottom + 2 * style.line_height, box
    for _ in range(BISECT_STEPS):
        mid = (low + high) / 2
        try:
            page, tail = take(rest, style, width, mid, insets, keep)
            last = paginate(tail, style, width, height, insets, keep) if tail else []
        except ValueError:
            low = mid
            continue
        if len(last) == 1:
            high = mid
            found.append([*head, page, *last])
        else:
            low = mid
    return found


def _lengths(pages: list[list[str]]) -> list[int]:
    return [sum(len(p) for p in page) for page in pages]


def even(pages: list[list[str]]) -> bool:
    """No page holds under a third of the text of the fullest."""
    lengths = _lengths(pages)
    return 3 * min(lengths) >= max(lengths)
