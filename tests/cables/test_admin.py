import pytest

from tests.html import parse_html, squash


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-1234567")
    client.force_login(user)
    return client


def test_admin_lists_and_searches_cables(staff_client, seed_cable):
    response = staff_client.get("/admin/cables/cable/", {"q": "07MOSCOW"})
    assert response.status_code == 200
    rows = parse_html(response.content).find("table", id="result_list").find("tbody")
    assert squash(rows.find("th").text) == "07MOSCOW601"


def test_admin_shows_a_cable_with_its_paragraphs(staff_client, seed_cable):
    response = staff_client.get(f"/admin/cables/cable/{seed_cable.pk}/change/")
    assert response.status_code == 200
    assert b"Strategic Dialogue:  Different Agendas" in response.content
    assert response.content.count(b'name="paragraphs-') > 10
