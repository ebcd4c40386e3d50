"""Page URLs of analytics; included by physsocial/urls.py at the root."""

urlpatterns = []
