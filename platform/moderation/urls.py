from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path("t/<slug:slug>/moderation/", views.queue_page, name="queue"),
    path("t/<slug:slug>/moderation/requests/<int:generation_id>/", views.review_decide, name="review"),
    path("t/<slug:slug>/moderation/appeals/<int:appeal_id>/", views.appeal_decide, name="appeal_decide"),
    path("t/<slug:slug>/studio/<int:generation_id>/appeal/", views.appeal_file, name="appeal"),
    path("t/<slug:slug>/moderation/flags/<int:flag_id>/dismiss/", views.flag_dismiss, name="flag_dismiss"),
    path("t/<slug:slug>/policy/", views.policy_page, name="policy"),
]
