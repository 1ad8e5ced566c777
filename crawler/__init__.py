"""warta: crawl and normalise Indonesian news articles into clean JSON records."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("warta")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

HOME_PAGE = "https://pypi.org/project/warta/"


def user_agent(contact: str | None = None) -> str:
    """An honest User-Agent: warta, its version, and where site owners reach whoever runs it."""
    return f"warta/{__version__} (news crawler; +{contact or HOME_PAGE})"
