"""Video for the primer pipeline: `make_renderer` and `make_enhancer` choose from Settings."""

from __future__ import annotations

from harde.config import Settings
from harde.errors import ConfigurationError
from harde.integrations.video.branding import Branding, load_branding
from harde.integrations.video.enhancer import FfmpegVoiceEnhancer
from harde.integrations.video.ffmpeg_renderer import FfmpegRenderer
from harde.integrations.video.protocol import RenderResult, VideoRenderer, VoiceEnhancer

__all__ = [
    "Branding",
    "FfmpegRenderer",
    "FfmpegVoiceEnhancer",
    "RenderResult",
    "VideoRenderer",
    "VoiceEnhancer",
    "make_enhancer",
    "make_renderer",
]


def make_renderer(settings: Settings) -> VideoRenderer:
    branding = load_branding(settings.company_name, settings.brand_folder)
    cache = settings.data_dir / "cache" / "brand"
    if settings.renderer == "cloudinary":
        from harde.integrations.video.cloudinary_renderer import CloudinaryRenderer

        if settings.cloudinary_url is None:
            raise ConfigurationError("the Cloudinary renderer needs CLOUDINARY_URL")
        return CloudinaryRenderer(settings.cloudinary_url.get_secret_value(), cache, branding)
    return FfmpegRenderer(cache, branding)


def make_enhancer(settings: Settings) -> VoiceEnhancer:
    return FfmpegVoiceEnhancer()
