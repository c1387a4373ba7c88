from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.audit_all_page, name="all_teams"),
    path("t/<slug:slug>/audit/", views.audit_page, name="log"),
    path("t/<slug:slug>/audit/export/", views.audit_export, name="export"),
    path("t/<slug:slug>/audit/charts/", views.activity_page, name="charts"),
    path("t/<slug:slug>/audit/reports/", views.reports_page, name="reports"),
    path("t/<slug:slug>/audit/reports/<int:report_id>.<str:fmt>", views.report_file_download, name="report_file"),
    path("t/<slug:slug>/audit/<int:seq>/", views.event_page, name="event"),
]
