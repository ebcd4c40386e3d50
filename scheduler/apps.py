from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scheduler"

    def ready(self) -> None:
        # Dependencies point scheduler -> posts, so posts cannot import the queue;
        # the scheduler hands the composer its "add to queue" at start-up instead.
        from posts import services
        from scheduler import schedules

        services.register_queue(
            schedules.add_to_queue,
            is_set_up=schedules.has_posting_schedule,
            set_up=schedules.set_up_default_schedule,
            describe_set_up=schedules.describe_default_slots,
        )
