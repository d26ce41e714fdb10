"""label_problems: overlapping and cut text labels, found on small figures drawn for the test."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from helpers.views.labels import label_problems  # noqa: E402


@pytest.fixture
def fig():
    f, ax = plt.subplots(figsize=(6, 3), layout="constrained")
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_title("A title")
    ax.set_xlabel("x (units)")
    yield f
    plt.close(f)


def test_a_clean_figure_has_no_problems(fig):
    ax = fig.axes[0]
    ax.text(1, 5, "left label")
    ax.text(7, 5, "right label")
    fig.legend(["a line"], loc="upper right")
    assert label_problems(fig) == []


def test_two_labels_drawn_over_each_other(fig):
    ax = fig.axes[0]
    ax.text(2, 5, "a long label here")
    ax.text(2.5, 5.1, "another label")
    problems = label_problems(fig)
    assert len(problems) == 1
    assert problems[0].startswith("overlap: 'a long label here' and 'another label' share ")


def test_a_date_label_over_a_panel_title():
    """The timeline's old fault: the focal date's label above the frame, where the title is."""
    f, ax = plt.subplots(figsize=(6, 3))
    ax.set_title("The 14 days before the summit", loc="left")
    ax.annotate("the summit, 15 Aug 2025", (0.3, 1.0), xycoords="axes fraction", xytext=(0, 3),
                textcoords="offset points", va="bottom")
    problems = label_problems(f)
    plt.close(f)
    assert any(p.startswith("overlap: 'The 14 days before the summit' and 'the summit, 15 Aug 2025'") for p in problems), problems


def test_crowded_tick_labels_of_one_axis():
    f, ax = plt.subplots(figsize=(2, 2))
    ax.set_xticks(range(6), [f"category {k}" for k in range(6)])
    problems = label_problems(f)
    plt.close(f)
    assert any("'category 0' and 'category 1'" in p for p in problems), problems


def test_tick_labels_outside_the_view_are_not_drawn_and_not_checked():
    f, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.set_xticks([0, 1, 2, 50], ["zero", "one", "two", "fifty"])
    ax.set_xlim(-0.5, 2.5)  # 'fifty' is outside the view: matplotlib does not draw it
    assert label_problems(f) == []
    plt.close(f)


def test_text_cut_at_the_right_edge(fig):
    fig.text(0.9, 0.5, "this caption runs off the figure")
    problems = label_problems(fig)
    assert len(problems) == 1 and problems[0].startswith("cut: 'this caption runs off the figure' reaches ")
    assert problems[0].endswith(" px past the right edge")


def test_the_caption_below_the_figure_is_placed_there_on_purpose(fig):
    from helpers import plots

    plots.caption(fig, "Source: a test")  # plots.caption draws it under the figure; savefig moves it below all
    assert label_problems(fig) == []
    fig.text(0.1, -0.2, "another text below")
    assert label_problems(fig) == [label_problems(fig)[0]] and "past the bottom edge" in label_problems(fig)[0]


def test_a_figure_without_an_agg_canvas_is_drawn_off_screen():
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    f = Figure(figsize=(3, 2))
    FigureCanvasSVG(f)
    ax = f.add_subplot()
    ax.set_axis_off()  # no tick labels: their count depends on the style another test may have set
    ax.text(0.1, 0.5, "one")
    ax.text(0.12, 0.5, "two")
    assert len(label_problems(f)) == 1
