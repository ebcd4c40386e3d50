"""The Queue page, mounted at ``queue/``: ``path("queue/", include("scheduler.urls_queue"))``.

The navigation in base.html links the page by the name "queue".
"""

from django.urls import path

from scheduler import views_queue as views

urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("schedule/", views.edit_default_schedule, name="queue-schedule-default"),
    path("<int:account_id>/", views.account_queue, name="queue-account"),
    path("<int:account_id>/reorder/", views.reorder, name="queue-reorder"),
    path("<int:account_id>/pause/", views.pause, name="queue-pause"),
    path("<int:account_id>/resume/", views.resume, name="queue-resume"),
    path("<int:account_id>/schedule/", views.edit_account_schedule, name="queue-schedule-account"),
    path("<int:account_id>/schedule/remove/", views.remove_account_schedule, name="queue-schedule-remove"),
    path("posts/<int:target_id>/move/<slug:direction>/", views.move, name="queue-move"),
    path("posts/<int:target_id>/publish-next/", views.publish_next, name="queue-publish-next"),
]
