"""Layouts as a teacher writes and uses them: inheritance, overrides, errors, the CLI."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from handouts.cli import app
from handouts.colors import contrast_ratio
from handouts.errors import LayoutError
from handouts.layout import available_layouts, load_layout
from handouts.layout.resolve import resolve_layout
from tests.conftest import ROOT

BUILTINS = ["classic", "letter", "ink-saver", "large-print", "landscape"]


def errors_of(name: str, *args, **kwargs) -> str:
    with pytest.raises(LayoutError) as info:
        load_layout(name, *args, **kwargs)
    return str(info.value)


@pytest.fixture
def folder(tmp_path: Path):
    """Write layout files into a folder: folder({"a.yaml": "..."}) -> the folder."""

    def _folder(files: dict[str, str], name: str = "mine") -> Path:
        root = tmp_path / name
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        return root

    return _folder


# --- the built-ins -------------------------------------------------------------------------


@pytest.mark.parametrize("name", BUILTINS)
def test_every_builtin_loads_with_a_description(name: str) -> None:
    layout = load_layout(name)
    assert layout.name == name
    assert layout.description and "\n" not in layout.description
    assert name in available_layouts()


def test_builtins_are_what_they_say() -> None:
    classic, letter = load_layout("classic"), load_layout("letter")
    assert (letter.page.size, classic.page.size) == ("letter", "a4")
    assert letter.page.dimensions() == (612.0, 792.0)

    ink = load_layout("ink-saver")
    assert ink.colors.header_fill == ink.colors.zebra == ink.colors.background == "#FFFFFF"
    assert contrast_ratio(ink.colors.header_text, ink.colors.header_fill) >= 7  # WCAG AAA
    assert contrast_ratio(ink.colors.text, ink.colors.background) >= 7
    assert ink.handout.table.style == "rules" and ink.handout.fills is False and ink.handout.pictures == "light"
    for color in ink.palette:  # grays only: r == g == b
        assert color[1:3] == color[3:5] == color[5:7], color
    n = len(ink.palette)
    looks = {(ink.palette[i], ink.subject_pattern(i), ink.subject_marker(i)) for i in range(n)}
    assert len(looks) == n and len({ink.subject_marker(i) for i in range(8)}) == 8

    large = load_layout("large-print")
    assert large.sizes.body >= 18 and large.sizes.min >= 16 and large.handout.table.style == "grid"
    assert min(large.sizes.table, large.sizes.small, large.timeline.min_size, large.timeline.label_size) >= 16
    assert large.sizes.leading >= 1.25 and large.handout.emphasis == "bold"
    assert "Sans" in large.fonts.body and "Sans" in large.fonts.table
    assert large.deck.sizes.body > classic.deck.sizes.body and large.deck.sizes.min > classic.deck.sizes.min

    wide = load_layout("landscape")
    assert wide.page.orientation == "landscape" and wide.page.dimensions()[0] > wide.page.dimensions()[1]
    assert wide.handout.table.landscape_from_subjects <= 3
    assert "Condensed" in wide.fonts.table and wide.sizes.table < classic.sizes.table
    assert wide.handout.table.label_width < classic.handout.table.label_width


def test_builtins_differ_from_each_other() -> None:
    looks = {
        name: (load_layout(name).colors.accent, load_layout(name).fonts.body, load_layout(name).sizes.body)
        for name in BUILTINS
    }
    assert len(set(looks.values())) == len(BUILTINS)


# --- inheritance and overrides ------------------------------------------------------------

PARENT = """\
description: the parent
sizes: {body: 11, table: 10}
colors: {muted: "#444444", accent: "#7D3C98"}
palette: ["#B03A2E", "#1F618D", "#1E8449"]
handout:
  table: {style: grid, label_width: 0.25}
"""

CHILD = """\
extends: parent
sizes: {body: 12}
colors: {accent: "#1E8449"}
palette: ["#000000", "#555555"]
handout:
  table: {style: rules}
"""


def test_child_overrides_parent_nested_merge_and_lists_replace(folder) -> None:
    root = folder({"parent.yaml": PARENT, "child.yaml": CHILD})
    layout = load_layout("child", root)
    assert layout.name == "child" and layout.extends == "parent"
    assert layout.description == ""  # a description belongs to its own file
    assert layout.sizes.body == 12  # child wins
    assert layout.sizes.table == 10  # sibling key kept from the parent (nested merge)
    assert layout.colors.accent == "#1E8449" and layout.colors.muted == "#444444"
    assert layout.handout.table.style == "rules" and layout.handout.table.label_width == 0.25
    assert layout.palette == ["#000000", "#555555"]  # lists replace, never concatenate
    classic = load_layout("classic")
    assert layout.fonts == classic.fonts  # keys nobody wrote take the model's defaults


def test_set_wins_over_every_file(folder) -> None:
    root = folder({"parent.yaml": PARENT, "child.yaml": CHILD})
    layout = load_layout(
        "child",
        root,
        [
            "sizes.body=13.5",
            "page.size=Letter",
            "handout.blocks=[title, table]",
            "palette=['#1F618D']",
            "page.margins.top=1in",
            "deck.template=",
        ],
    )
    assert layout.sizes.body == 13.5 and layout.sizes.table == 10
    assert layout.page.size == "letter" and layout.page.margins.top == 72 and layout.page.margins.left == 50
    assert layout.handout.blocks == ["title", "table"]
    assert layout.palette == ["#1F618D"]
    assert layout.deck.template is None


def test_layout_given_by_path_and_extends_by_relative_path(folder) -> None:
    root = folder(
        {
            "base/parent.yaml": PARENT,
            "kids/child.yaml": CHILD.replace("extends: parent", "extends: ../base/parent.yaml"),
        }
    )
    layout = load_layout(str(root / "kids" / "child.yaml"))
    assert layout.name == "child" and layout.sizes.table == 10 and layout.sizes.body == 12


def test_cwd_layouts_folder_is_searched(folder, monkeypatch) -> None:
    root = folder({"layouts/house.yaml": "extends: large-print\ncolors: {accent: '#6A1B9A'}\n"}, "school")
    monkeypatch.chdir(root)
    layout = load_layout("house")
    assert layout.sizes.body >= 16 and layout.colors.accent == "#6A1B9A"


def test_layouts_dir_shadows_a_builtin_and_can_extend_it(folder, runner) -> None:
    root = folder({"classic.yaml": "description: our school's classic\nextends: classic\nsizes: {body: 10.5}\n"})
    layout = load_layout("classic", root)
    assert layout.sizes.body == 10.5 and layout.description == "our school's classic"
    assert layout.colors.accent == load_layout("classic").colors.accent  # the built-in underneath
    result = runner.invoke(app, ["layouts", "--layouts-dir", str(root)])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if ln.startswith("classic "))
    assert "our school's classic" in line and f"--layouts-dir {root}" in line and "shadows the built-in" in line


def test_template_resolves_next_to_the_file_that_named_it(folder) -> None:
    root = folder(
        {
            "base/parent.yaml": "deck: {template: assets/school.pptx}\n",
            "kids/child.yaml": "extends: ../base/parent.yaml\n",
        }
    )
    (root / "base" / "assets").mkdir()
    with zipfile.ZipFile(root / "base" / "assets" / "school.pptx", "w") as archive:  # read only when building
        archive.writestr("[Content_Types].xml", "<Types/>")
    layout = load_layout(str(root / "kids" / "child.yaml"))
    assert Path(layout.deck.template) == (root / "base" / "assets" / "school.pptx").resolve()


def test_missing_template_is_located(folder) -> None:
    root = folder({"t.yaml": "description: x\ndeck:\n  template: nope.pptx\n"})
    message = errors_of(str(root / "t.yaml"))
    assert f"{root / 't.yaml'}:3:3: deck.template: the file 'nope.pptx' was not found" in message


# --- errors -------------------------------------------------------------------------------


def test_unknown_key_in_an_inherited_file_points_to_that_file(folder) -> None:
    root = folder(
        {
            "parent.yaml": "description: p\ncolors:\n  mutd: '#444444'\n",
            "child.yaml": "extends: parent\nsizes: {body: 12}\n",
        }
    )
    message = errors_of("child", root)
    assert f"{root / 'parent.yaml'}:3:3: colors.mutd: unknown key 'mutd'" in message
    assert "did you mean 'muted'?" in message


def test_bad_colour_lists_the_forms(folder) -> None:
    root = folder({"c.yaml": "colors:\n  text: dark blue\n"})
    message = errors_of(str(root / "c.yaml"))
    assert f"{root / 'c.yaml'}:2:3: colors.text: 'dark blue' is not a colour" in message
    assert 'use a hex colour such as "#B03A2E" or "#B3A"' in message


def test_bad_paper_size_lists_the_sizes(folder) -> None:
    root = folder({"p.yaml": "page:\n  size: A7\n"})
    message = errors_of(str(root / "p.yaml"))
    assert f"{root / 'p.yaml'}:2:3: page.size: 'a7' is not a paper size; choose one of: a4, letter, legal" in message


def test_unknown_layout_lists_available_and_where_it_looked(folder, runner, tmp_path: Path) -> None:
    root = folder({"mine.yaml": "description: m\n"})
    message = errors_of("clasic", root)
    assert "unknown layout 'clasic'; available: classic, ink-saver, landscape, large-print, letter, mine" in message
    assert f"looked in: {root}, " in message and str(ROOT / "layouts") in message

    source = tmp_path / "s.yaml"
    source.write_text("title: T\nsubjects: [{name: A}, {name: B}]\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(source), "--layout", "clasic", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "unknown layout 'clasic'" in result.output and "looked in:" in result.output


def test_unknown_parent_is_located_at_extends(folder) -> None:
    root = folder({"child.yaml": "description: c\nextends: nonesuch\n"})
    message = errors_of("child", root)
    assert f"{root / 'child.yaml'}:2:1: extends: unknown layout 'nonesuch'; available:" in message


def test_unknown_parent_beside_the_file_suggests_a_path(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text("description: b\n", encoding="utf-8")
    (tmp_path / "kid.yaml").write_text("extends: base\n", encoding="utf-8")
    message = errors_of(str(tmp_path / "kid.yaml"))
    assert "unknown layout 'base'" in message and "write `extends: ./base.yaml`" in message


def test_extends_cycle_is_named(folder) -> None:
    root = folder({"a.yaml": "extends: b\n", "b.yaml": "description: b\nextends: a\n"})
    message = errors_of("a", root)
    assert f"{root / 'b.yaml'}:2:1: extends: extends cycle: a -> b -> a" in message
    root2 = folder({"self.yaml": "extends: ./self.yaml\n"}, "selfish")
    assert "extends cycle: self -> self" in errors_of(str(root2 / "self.yaml"))


def test_low_contrast_pair_is_named_with_its_ratio(folder) -> None:
    root = folder({"pale.yaml": "description: pale\ncolors:\n  muted: '#AAAAAA'\n"})
    message = errors_of(str(root / "pale.yaml"))
    assert (
        f"{root / 'pale.yaml'}:3:3: colors.muted: colors.muted #AAAAAA on colors.background #FFFFFF "
        "has a contrast of 2.32:1; text needs at least 4.5:1"
    ) in message
    assert "hint: use a darker colors.muted, e.g. #" in message


def test_contrast_blames_the_key_changed_last(folder) -> None:
    # The parent is fine; the child darkens the header fill under the parent's dark header text.
    root = folder(
        {
            "parent.yaml": "colors: {header_fill: '#FFFFFF', header_text: '#000000'}\n",
            "child.yaml": "extends: parent\ncolors:\n  header_fill: '#333333'\n",
        }
    )
    message = errors_of("child", root)
    assert (
        f"{root / 'child.yaml'}:3:3: colors.header_fill: colors.header_text #000000 on colors.header_fill "
        "#333333 has a contrast of 1.66:1"
    ) in message


def test_pale_palette_colour_is_refused(folder) -> None:
    root = folder({"p.yaml": "palette: ['#B03A2E', '#F4D03F']\n"})
    message = errors_of(str(root / "p.yaml"))
    assert f"{root / 'p.yaml'}:1:22: palette[2]: palette[2] #F4D03F on colors.background #FFFFFF" in message
    assert "subject colours need at least 3.0:1" in message


def test_sizes_below_the_minimum_are_refused(folder) -> None:
    root = folder({"s.yaml": "sizes:\n  small: 6\n  min: 7\n"})
    message = errors_of(str(root / "s.yaml"))
    assert (
        f"{root / 's.yaml'}:2:3: sizes.small: sizes.small (6 pt) is smaller than the minimum sizes.min (7 pt)"
        in message
    )


@pytest.mark.parametrize(
    "setting, expected",
    [
        ("page.size=a7", "--set page.size=a7: 'a7' is not a paper size; choose one of: a4, letter, legal, a3, a5"),
        ("sizes.bdy=12", "--set sizes.bdy=12: unknown key 'bdy'\n  hint: did you mean 'body'?"),
        ("sizes.body=big", "--set sizes.body=big: expected a number, found 'big'"),
        (
            "colors.text=#EEEEEE",
            "--set colors.text=#EEEEEE: colors.text #EEEEEE on colors.background #FFFFFF has a contrast of 1.16:1",
        ),
        ("sizes.body=5", "--set sizes.body=5: sizes.body (5 pt) is smaller than the minimum sizes.min (7 pt)"),
        ("handout.blocks=[title, tabel]", "--set handout.blocks=[title, tabel]: Input should be"),
        ("handout.blocks=[title, tabel]", "hint: did you mean 'table'?"),
        ("deck.aspect=16:10", "hint: did you mean '16:9'?"),
        ("palette.1=#000000", "--set palette.1=#000000: 'palette.1' is not a key path"),
        ("sizes.body", "--set sizes.body: expected key.path=value"),
    ],
)
def test_bad_set_names_the_set(setting: str, expected: str) -> None:
    message = errors_of("classic", overrides=[setting])
    assert expected in message


def test_bad_set_on_build_exits_with_the_message(runner, tmp_path: Path) -> None:
    source = tmp_path / "s.yaml"
    source.write_text("title: T\nsubjects: [{name: A}, {name: B}]\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(source), "--set", "page.size=a7", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "error: --set page.size=a7: 'a7' is not a paper size; choose one of:" in result.output
    assert not (tmp_path / "out").exists()


# --- the CLI ------------------------------------------------------------------------------


def test_layouts_lists_every_builtin(runner) -> None:
    for args in (["layouts"], ["layouts", "list"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        for name in BUILTINS:
            line = next(ln for ln in result.output.splitlines() if ln.startswith(name + " "))
            assert load_layout(name).description in line and "[built-in]" in line


def test_layouts_show_prints_resolved_values(runner) -> None:
    result = runner.invoke(app, ["layouts", "show", "large-print"])
    assert result.exit_code == 0, result.output
    assert "# extends: classic (built-in:" in result.output
    shown = yaml.safe_load(result.output)
    assert shown["sizes"]["body"] >= 16 and shown["sizes"]["min"] >= 14
    assert shown["page"]["size"] == "a4" and shown["handout"]["table"]["style"] == "grid"
    assert shown["colors"]["header_text"] == "#FFFFFF"  # inherited keys are shown too


def test_layouts_show_applies_set_and_round_trips(runner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["layouts", "show", "letter", "--set", "sizes.body=12", "--set", "page.orientation=landscape"]
    )
    assert result.exit_code == 0, result.output
    saved = tmp_path / "saved.yaml"
    saved.write_text(result.output, encoding="utf-8")
    again = load_layout(str(saved))
    assert again.sizes.body == 12 and again.page.orientation == "landscape"
    expected = load_layout("letter", overrides=["sizes.body=12", "page.orientation=landscape"])
    assert again.model_dump(exclude={"name"}) == expected.model_dump(exclude={"name"})


def test_layouts_show_by_path_and_errors(runner, folder) -> None:
    root = folder(
        {
            "mine.yaml": "extends: ink-saver\ndescription: ours\nsizes: {body: 10}\n",
            "bad.yaml": "extends: classic\nsizes: {bodyy: 10}\n",
        }
    )
    result = runner.invoke(app, ["layouts", "show", str(root / "mine.yaml")])
    assert result.exit_code == 0, result.output
    assert "# layout: mine" in result.output and "# extends: ink-saver" in result.output
    assert yaml.safe_load(result.output)["handout"]["table"]["style"] == "rules"
    result = runner.invoke(app, ["layouts", "show", str(root / "bad.yaml")])
    assert result.exit_code == 1 and f"error: {root / 'bad.yaml'}:2:" in result.output
    assert "did you mean 'body'?" in result.output
    listing = runner.invoke(app, ["layouts", "--layouts-dir", str(root)])
    assert listing.exit_code == 0
    assert "INVALID: unknown key 'bodyy'" in listing.output and "ours" in listing.output


def test_resolved_records_the_chain(folder) -> None:
    root = folder({"parent.yaml": PARENT, "child.yaml": CHILD})
    resolved = resolve_layout("child", root)
    assert [p.name for p in resolved.chain] == ["child.yaml", "parent.yaml"]


def test_row_labels_on_zebra_stripes_are_checked(folder) -> None:
    # Body text still reads on this stripe, but the heading colour of row labels does not.
    root = folder({"z.yaml": "colors: {zebra: '#7A8AA0', text: '#000000'}\n"})
    message = errors_of(str(root / "z.yaml"))
    assert "colors.heading" in message and "on colors.zebra #7A8AA0" in message
