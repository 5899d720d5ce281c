"""One window per library: a second `reader FILE` on a library already open hands its files over.

A desktop user who double-clicks a report while the reader is open expects it to appear in the window
they have, as a document viewer or a mail client does, not in a second window on the same library whose
settings, selection and undo history then go their own way (and whose settings written on quit replaced
those of the first). The first window listens on a local socket named after the library (and the user's
home, so two users of one machine never meet); a later start on that library sends it the file names,
the running window imports and shows them and comes to the front, and the later start ends.

Local sockets are the platform's own (a Unix socket in the temporary folder, a named pipe on Windows):
nothing leaves the machine, and a socket left by a crashed window is replaced by the next window.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500  # a window on the library answers at once: the socket is local
ANSWER_MS = 5000  # a window busy with a long turn of its event loop may take a moment to read the names
__all__ = ["FileHandoff", "hand_over", "server_name"]


def server_name(library_path: Path) -> str:
    """The socket's name for this library and this user: a hash, so any path (spaces, Chinese, length)
    makes a valid name."""
    key = f"{Path.home()}\0{library_path.expanduser().resolve()}".encode()
    return "reader-" + hashlib.sha256(key).hexdigest()[:24]


def hand_over(library_path: Path, files: Sequence[Path]) -> bool:
    """Give `files` (possibly none: the window only comes to the front) to a window already open on the
    library; False when there is none, and this start opens its own window.

    Blocking, with short timeouts: it runs before this process has a window or an event loop."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"files": [str(Path(f).expanduser().resolve()) for f in files]}, ensure_ascii=False)
    socket.write((message + "\n").encode("utf-8"))
    if not socket.waitForBytesWritten(ANSWER_MS):
        socket.abort()
        return False
    # The window answers once it has the names; sent and unanswered, they are in its queue all the same.
    socket.waitForReadyRead(ANSWER_MS)
    socket.disconnectFromServer()
    return True


class FileHandoff(QObject):
    """The running window's end: listens for later starts on its library and hands their files to
    `receive` (called on the GUI thread, with the paths, maybe none)."""

    def __init__(self, library_path: Path, receive: Callable[[list[Path]], None], parent: QObject) -> None:
        super().__init__(parent)
        self._receive = receive
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        name = server_name(library_path)
        if not self.server.listen(name):
            # A socket left by a window that crashed: nothing answers on it (`hand_over` was refused).
            QLocalServer.removeServer(name)
            self.server.listen(name)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._on_ready(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        self._buffers[socket] = b""
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line.decode("utf-8"))
            names = message.get("files", []) if isinstance(message, dict) else []
            files = [Path(n) for n in names if isinstance(n, str)]
        except (UnicodeDecodeError, ValueError):
            files = None
        socket.write(b"ok\n" if files is not None else b"error\n")
        socket.flush()
        if files is not None:
            self._receive(files)
