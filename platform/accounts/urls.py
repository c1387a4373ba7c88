from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views
from accounts.login import SignInView
from accounts.two_factor_views import two_factor_page

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/two-factor/", two_factor_page, name="two_factor"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("t/<slug:slug>/", views.team_page, name="team"),
    path("t/<slug:slug>/members/<int:membership_id>/role/", views.member_change_role, name="member_role"),
    path("t/<slug:slug>/members/<int:membership_id>/remove/", views.member_remove, name="member_remove"),
    path("t/<slug:slug>/invitations/", views.invitation_create, name="invitation_create"),
    path("t/<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("t/<slug:slug>/keys/", views.api_key_create, name="api_key_create"),
    path("t/<slug:slug>/keys/<int:key_id>/revoke/", views.api_key_revoke, name="api_key_revoke"),
]
