"""``/api/v1/`` URLs of analytics; included under "api/v1/"."""

urlpatterns = []
