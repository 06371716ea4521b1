"""A browser session of the Streamlit app over its own WebSocket protocol, for tests on loopback.

It sends what the front end sends (a script rerun with the query string and widget values) and
reads what it renders (markdown, the chat input's id, the query string the app sets), so a test
can hold a conversation with a real server process without a browser.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import ChatInputValue
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import ClientConnection, connect


@dataclass
class Rendered:
    """What one run of the script (and the reruns it asked for) put on the page."""

    markdown: list[str] = field(default_factory=list)
    chat_input_id: str = ""
    query_string: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.markdown)


class StreamlitSession:
    def __init__(self, ws: ClientConnection, query_string: str = "") -> None:
        self.ws = ws
        self.query_string = query_string
        self._chat_input_id = ""

    def _send(self, widgets: list[WidgetState]) -> None:
        message = BackMsg()
        message.rerun_script.query_string = self.query_string
        message.rerun_script.widget_states.widgets.extend(widgets)
        self.ws.send(message.SerializeToString())

    def _collect(self, timeout_s: float) -> Rendered:
        rendered = Rendered()
        deadline = time.monotonic() + timeout_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"the script did not finish within {timeout_s} s")
            forward = ForwardMsg()
            forward.ParseFromString(self.ws.recv(timeout=remaining))
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which == "markdown":
                    rendered.markdown.append(element.markdown.body)
                elif which == "chat_input":
                    rendered.chat_input_id = element.chat_input.id
                elif which == "exception":
                    rendered.errors.append(f"{element.exception.type}: {element.exception.message}")
                elif which == "alert":
                    rendered.markdown.append(element.alert.body)
            elif kind == "page_info_changed":
                self.query_string = forward.page_info_changed.query_string
            # A run that ends in st.rerun() is followed by the rerun; the page is whole after it.
            elif kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                rendered.query_string = self.query_string
                if rendered.chat_input_id:
                    self._chat_input_id = rendered.chat_input_id
                return rendered

    def load(self, timeout_s: float = 60.0) -> Rendered:
        """Open the page (as a browser does on load or reload)."""
        self._send([])
        return self._collect(timeout_s)

    def ask(self, text: str, timeout_s: float = 60.0) -> Rendered:
        """Type a message into the chat input and send it; what the page shows afterwards."""
        if not self._chat_input_id:
            self.load(timeout_s)
        widget = WidgetState(id=self._chat_input_id, chat_input_value=ChatInputValue(data=text))
        self._send([widget])
        return self._collect(timeout_s)

    @property
    def conversation(self) -> str:
        return parse_qs(self.query_string).get("c", [""])[0]


@contextmanager
def streamlit_session(
    port: int, headers: dict[str, str], query_string: str = "", host: str = "127.0.0.1"
) -> Iterator[StreamlitSession]:
    with connect(
        f"ws://{host}:{port}/_stcore/stream",
        additional_headers=headers,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        open_timeout=20,
        max_size=None,
    ) as ws:
        yield StreamlitSession(ws, query_string)
