"""framing.frames.data: coded articles from a SemEval folder or a CSV export, every bad line named."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.frames.data import read_labelled, parse_frames


def semeval(folder, rows: str, texts: dict[str, str]):
    (folder / "text").mkdir(parents=True)
    for doc_id, text in texts.items():
        (folder / "text" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "frames.tsv").write_text(rows, encoding="utf-8")
    return folder


def test_a_semeval_folder_gives_its_coded_articles_in_file_order(tmp_path):
    folder = semeval(tmp_path / "s", "id\tframes\n7\tPolitical,Economic\n3\tSecurity_and_defense\n",
                     {"3": "Troops\n\nTroops massed.", "7": "Budget\n\nThe vote.", "9": "Not coded\n\nText."})
    data = read_labelled(folder)
    assert data.ids == ("7", "3")
    assert data.labels == (frozenset({"Political", "Economic"}), frozenset({"Security_and_defense"}))
    assert data.texts[1] == "Troops\n\nTroops massed."


def test_a_csv_export_keeps_line_breaks_and_reads_names_loosely(tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text('doc_id,text,frames,coder\na,"Head\n\nBody, with a comma.","political, security and defense",x\n'
                    'b,"Uncoded text",,x\n', encoding="utf-8")
    data = read_labelled(path)
    assert data.ids == ("a",)  # b has no frames: not coded
    assert data.texts == ("Head\n\nBody, with a comma.",)
    assert data.labels == (frozenset({"Political", "Security_and_defense"}),)


def test_an_unknown_frame_is_named_with_its_file_and_line(tmp_path):
    folder = semeval(tmp_path / "s", "id\tframes\n1\tPolitical\n2\tPolitics,Economic\n", {"1": "a", "2": "b"})
    with pytest.raises(InputError, match=r"frames.tsv:3: unknown frame 'Politics'; use the names Economic,"):
        read_labelled(folder)
    path = tmp_path / "coded.csv"
    path.write_text("doc_id,text,frames\na,Text,Securty\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"coded.csv:2: unknown frame 'Securty'"):
        read_labelled(path)


def test_a_missing_article_is_named_with_its_line(tmp_path):
    folder = semeval(tmp_path / "s", "id\tframes\n1\tPolitical\n2\tEconomic\n", {"1": "a"})
    with pytest.raises(InputError, match=r"frames.tsv:3: missing article '2': no text/2.txt; add the text or remove"):
        read_labelled(folder)
    path = tmp_path / "coded.csv"
    path.write_text('doc_id,text,frames\na,Text,Economic\nb,"  ",Political\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"coded.csv:3: missing article 'b': its text is empty"):
        read_labelled(path)


def test_empty_files_headers_and_duplicates_are_one_line_errors(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty.csv:1: empty file"):
        read_labelled(empty)
    folder = semeval(tmp_path / "s", "", {})
    with pytest.raises(InputError, match=r"frames.tsv:1: empty file"):
        read_labelled(folder)
    header = tmp_path / "header.csv"
    header.write_text("id,body,labels\na,b,Political\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"header.csv:1: missing column\(s\) doc_id, text, frames"):
        read_labelled(header)
    twice = tmp_path / "twice.csv"
    twice.write_text("doc_id,text,frames\na,x,Political\na,y,Economic\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"twice.csv:3: article 'a' is listed twice \(also on line 2\)"):
        read_labelled(twice)
    uncoded = tmp_path / "uncoded.csv"
    uncoded.write_text("doc_id,text,frames\na,x,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"uncoded.csv: no coded article"):
        read_labelled(uncoded)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"doc_id,text,frames\n\xff\xfe,x,Political\n")
    with pytest.raises(InputError, match=r"binary.csv: not UTF-8 text"):
        read_labelled(binary)


def test_frame_names_are_checked_one_by_one(tmp_path):
    assert parse_frames(" Crime_and_punishment ,, public opinion", tmp_path, 4) == {"Crime_and_punishment",
                                                                                   "Public_opinion"}
    assert parse_frames("", tmp_path, 4) == frozenset()
