from accounts.selectors import teams_of_user


def team_switcher(request) -> dict:
    """The teams the signed-in user belongs to, for the switcher in the base layout."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_memberships": list(teams_of_user(user=user)), "current_team_slug": request.session.get("team_slug")}
