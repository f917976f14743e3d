# @title pytest tests for password hashing: round trip, wrong password, salted output
# @tags testing, pytest, auth, password hashing, security
# @stack pytest, python
from examples.auth.password_hashing import hash_password, verify_password


def test_round_trip() -> None:
    stored = hash_password("correct horse battery staple")
    assert verify_password("correct horse battery staple", stored)


def test_wrong_password_fails() -> None:
    assert not verify_password("wrong", hash_password("right"))


def test_same_password_hashes_differently() -> None:
    assert hash_password("same") != hash_password("same")


def test_garbage_stored_value_is_not_a_match() -> None:
    assert not verify_password("x", "not-a-hash")
