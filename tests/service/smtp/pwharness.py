"""Test harness for the SMTP and IMAP integration tests: a real postwardend on a temporary
data directory, a loopback DNS server serving the test's zone, and helpers that talk SMTP
and IMAP and read the store. The IMAP listeners are on only for services made with
imap=True (ServiceTestCase.IMAP), so that the SMTP suites see the service they always did.

Run the tests with Debian's /usr/bin/python3 -I (python3-dkim, python3-dnslib). The
environment gives POSTWARDEN_BIN_DIR (postwardend, postwardenctl) and POSTWARDEN_SOURCE_DIR
(tests/support/dnsserver.py). ctest does not build anything: `cmake --build BUILD` builds
the programs these tests run (the README's test command does that first).

Every wait is bounded; on failure the service's output is attached to the assertion. Set
POSTWARDEN_KEEP_TEST_DIRS=1 to keep the temporary directories for a post-mortem.
"""

import json
import os
import re
import select
import shutil
import signal
import socket
import sqlite3
import imaplib
import ssl
import subprocess
import sys
import tempfile
import time
import unittest

HOSTNAME = "mx.example.test"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
CTL_TIMEOUT = 60.0
REPLY_TIMEOUT = 30.0
# The address IMAP clients connect from; any 127/8 address reaches the loopback listeners.
IMAP_SOURCE = "127.0.0.1"


def bin_dir():
    path = os.environ.get("POSTWARDEN_BIN_DIR", "")
    if not path:
        raise RuntimeError("POSTWARDEN_BIN_DIR is not set (run the tests through ctest)")
    return path


def source_dir():
    path = os.environ.get("POSTWARDEN_SOURCE_DIR", "")
    if path:
        return path
    # Run by hand from the source tree: tests/service/smtp/ is three levels down.
    return os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def free_ports(count):
    """Distinct free loopback TCP ports. Another process may take one before the service
    binds it; Service.start() retries with new ports when the service cannot listen."""
    sockets, ports = [], []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in sockets:
            s.close()
    return ports


def read_line_within(pipe, seconds):
    """One line from a subprocess pipe, or None when none came in time."""
    deadline = time.monotonic() + seconds
    data = b""
    fd = pipe.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
        if chunk == b"\n":
            return data.decode("utf-8", "replace").strip()
    return None


class DnsServer:
    """tests/support/dnsserver.py on loopback, serving one zone file that tests may rewrite."""

    def __init__(self, directory, zone_text):
        self.zone_path = os.path.join(directory, "zone.txt")
        self.log_path = os.path.join(directory, "dns-queries.log")
        with open(self.zone_path, "w", encoding="utf-8") as f:
            f.write(zone_text)
        script = os.path.join(source_dir(), "tests", "support", "dnsserver.py")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", "-I", script, "--zone", self.zone_path, "--log", self.log_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        line = read_line_within(self.process.stdout, 10)
        if line is None or not line.isdigit():
            self.stop()
            raise RuntimeError("the DNS server did not start: %r" % line)
        self.port = int(line)

    def set_zone(self, zone_text):
        with open(self.zone_path, "w", encoding="utf-8") as f:
            f.write(zone_text)
        self.process.stdin.write(b"reload\n")
        self.process.stdin.flush()
        answer = read_line_within(self.process.stdout, 10)
        if answer != "ok":
            raise RuntimeError("the DNS server did not reload the zone: %r" % answer)

    def stop(self):
        if self.process.poll() is None:
            try:
                self.process.stdin.write(b"quit\n")
                self.process.stdin.close()
            except OSError:
                pass
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process.stdout:
            self.process.stdout.close()


class Service:
    """One postwardend with its own data directory, ports and DNS server.

    config: {section: {key: value}} merged over the defaults below. imap: listen for IMAP
    (imap_port, STARTTLS) and IMAPS (imaps_port) too; otherwise both are None."""

    def __init__(self, zone="", config=None, imap=False):
        self.temp = tempfile.mkdtemp(prefix="pw-smtptest-")
        self.data = os.path.join(self.temp, "data")
        os.mkdir(self.data, 0o700)
        self.socket_path = os.path.join(self.data, "control.sock")
        self.output_path = os.path.join(self.temp, "postwardend.out")
        self.extra = config or {}
        self.imap = imap
        self.imap_port = self.imaps_port = None
        self.process = None
        self.dns = None
        try:
            self.dns = DnsServer(self.temp, zone)
            self._start_with_ports()
        except BaseException:
            self.stop()
            raise

    # --- life cycle ------------------------------------------------------------------------

    def _write_config(self):
        sections = {
            "service": {"hostname": HOSTNAME},
            "listen": {
                "smtp": "127.0.0.1:%d" % self.smtp_port,
                "submission": "127.0.0.1:%d" % self.submission_port,
                "submissions": "127.0.0.1:%d" % self.submissions_port,
                "imap": "127.0.0.1:%d" % self.imap_port if self.imap else "",
                "imaps": "127.0.0.1:%d" % self.imaps_port if self.imap else "",
            },
            "dns": {"servers": "127.0.0.1:%d" % self.dns.port, "query_timeout": "1000", "retry_limit": "1"},
        }
        for section, values in self.extra.items():
            sections.setdefault(section, {}).update(values)
        lines = []
        for section, values in sections.items():
            lines.append("[%s]" % section)
            lines.extend("%s = %s" % (key, value) for key, value in values.items())
            lines.append("")
        with open(os.path.join(self.data, "postwarden.conf"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))

    def _start_with_ports(self):
        last_error = None
        for _ in range(3):
            ports = free_ports(5 if self.imap else 3)
            self.smtp_port, self.submission_port, self.submissions_port = ports[:3]
            if self.imap:
                self.imap_port, self.imaps_port = ports[3:]
            self._write_config()
            try:
                self.launch()
                return
            except RuntimeError as error:
                last_error = error
                # Only a port taken between free_ports() and the bind is worth a retry.
                if "in use" not in str(error).lower() and "address" not in str(error).lower():
                    raise
        raise last_error

    def launch(self):
        """Starts postwardend on the existing data directory and waits until it answers."""
        out = open(self.output_path, "ab")
        try:
            self.process = subprocess.Popen(
                [os.path.join(bin_dir(), "postwardend"), "--foreground", "--data-dir", self.data],
                env=service_environment(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        finally:
            out.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    "postwardend exited during start-up (code %s): %s" % (self.process.returncode, self.output())
                )
            result = self.ctl("--json", "status", check=False, timeout=5)
            if result.returncode == 0:
                try:
                    if json.loads(result.stdout).get("pid") == self.process.pid:
                        return
                except ValueError:
                    pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError("postwardend did not answer within %d s: %s" % (START_TIMEOUT, self.output()))

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def running(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        """SIGKILL, as a crash would."""
        if self.running():
            self.process.send_signal(signal.SIGKILL)
        if self.process:
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass

    def restart(self):
        if self.running():
            self.terminate()
        self.launch()

    def terminate(self):
        """SIGTERM, then SIGKILL when it does not stop in time. Returns the exit code."""
        if not self.running():
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def stop(self):
        """Always safe to call: the service, the DNS server and the temporary directory."""
        try:
            if self.process:
                self.terminate()
        finally:
            if self.dns:
                self.dns.stop()
                self.dns = None
            if os.environ.get("POSTWARDEN_KEEP_TEST_DIRS"):
                sys.stderr.write("kept %s\n" % self.temp)
            else:
                shutil.rmtree(self.temp, ignore_errors=True)

    def output(self):
        try:
            with open(self.output_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-20000:]
        except OSError:
            return ""

    def rss_kib(self):
        with open("/proc/%d/status" % self.process.pid, encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS for pid %d" % self.process.pid)

    def smtp_connections(self):
        status = json.loads(self.ctl("--json", "status").stdout)
        return status["counts"]["smtp_connections"]

    def wait_for_smtp_connections(self, count, timeout=15):
        """Waits until the service counts `count` SMTP connections; returns the last count."""
        deadline = time.monotonic() + timeout
        while True:
            current = self.smtp_connections()
            if current == count or time.monotonic() > deadline:
                return current
            time.sleep(0.05)

    # --- administration --------------------------------------------------------------------

    def ctl(self, *args, input=None, check=True, timeout=CTL_TIMEOUT):
        result = subprocess.run(
            [os.path.join(bin_dir(), "postwardenctl"), "--socket", self.socket_path] + list(args),
            input=input.encode("utf-8") if isinstance(input, str) else input,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
        result.stdout = result.stdout.decode("utf-8", "replace")
        result.stderr = result.stderr.decode("utf-8", "replace")
        if check and result.returncode != 0:
            raise AssertionError(
                "postwardenctl %s failed (exit %s): %s%s"
                % (" ".join(args), result.returncode, result.stderr, result.stdout)
            )
        return result

    def add_domain(self, domain):
        self.ctl("domain", "add", domain)

    def add_mailbox(self, address, password="secret password 1"):
        self.ctl("mailbox", "add", address, input=password + "\n")

    def log_records(self, lines=2000):
        """The service's recent log records (dicts: level, category, message, fields, ...)."""
        out = self.ctl("--json", "logs", "-n", str(lines)).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    # --- mail in, mail out -------------------------------------------------------------------

    def deliver(self, to, message, sender="sender@client.example.test", timeout=REPLY_TIMEOUT):
        """One message to `to` (an address or a list) through the MX listener, as a remote
        server would send it. Returns time.monotonic() at the moment the final 250 arrived;
        raises AssertionError with the reply when the service does not take the message."""
        recipients = [to] if isinstance(to, str) else list(to)
        with RawSmtp(self.smtp_port, timeout=timeout) as client:
            expect(client.reply(), 220, "greeting")
            expect(client.command("EHLO client.example.test"), 250, "EHLO")
            expect(client.command("MAIL FROM:<%s>" % sender), 250, "MAIL FROM")
            for rcpt in recipients:
                expect(client.command("RCPT TO:<%s>" % rcpt), 250, "RCPT TO:<%s>" % rcpt)
            expect(client.command("DATA"), 354, "DATA")
            client.send(data_bytes(message))
            reply = client.reply()
            accepted_at = time.monotonic()
            expect(reply, 250, "end of data")
            try:
                client.command("QUIT")
            except (OSError, ConnectionError, TimeoutError):
                pass
        return accepted_at

    def imap_connect(self, tls="starttls", user=None, password=None, timeout=REPLY_TIMEOUT):
        """imaplib.IMAP4 (tls=False or "starttls") or IMAP4_SSL (tls="implicit") on this
        service; logged in when user is given."""
        return imap_connect(self.imap_port, self.imaps_port, tls, user, password, timeout)

    def raw_imap(self, tls=False, timeout=REPLY_TIMEOUT, source=None):
        """A RawImap past the greeting: plain port (tls=False), or implicit TLS (tls=True)."""
        return RawImap(self.imaps_port if tls else self.imap_port, tls=tls, timeout=timeout, source=source)

    def dkim_records(self, domain):
        """{selector: record text} from `postwardenctl --json dkim show DOMAIN`."""
        shown = json.loads(self.ctl("--json", "dkim", "show", domain).stdout)
        records = {}

        def walk(value):
            if isinstance(value, dict):
                # "text" is the record itself; other fields may hold it in zone-file quoting.
                texts = [v for k, v in value.items() if k == "text" and isinstance(v, str) and "v=DKIM1" in v]
                texts = texts or [v for v in value.values() if isinstance(v, str) and "v=DKIM1" in v]
                if texts:
                    name = next(
                        (v for v in value.values() if isinstance(v, str) and "._domainkey" in v),
                        None,
                    )
                    selector = value.get("selector")
                    if not selector and name:
                        selector = name.split("._domainkey")[0]
                    if selector:
                        records[selector] = texts[0]
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(shown)
        return records

    # --- the store, read-only ----------------------------------------------------------------

    def _db(self):
        path = os.path.join(self.data, "postwarden.db")
        return sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=10)

    def query(self, sql, *binds):
        db = self._db()
        try:
            return db.execute(sql, binds).fetchall()
        finally:
            db.close()

    def stored(self, address, folder="INBOX"):
        """[(bytes, flags, file row id, refs)] of a mailbox folder, in UID order."""
        rows = self.query(
            "SELECT mf.path, m.flags, mf.id, mf.refs FROM messages m"
            " JOIN folders f ON m.folder_id = f.id"
            " JOIN mailboxes b ON f.mailbox_id = b.id"
            " JOIN message_files mf ON m.file_id = mf.id"
            " WHERE b.address = ? AND f.name = ? ORDER BY m.uid",
            address.lower(),
            folder,
        )
        out = []
        for path, flags, file_id, refs in rows:
            with open(os.path.join(self.data, path), "rb") as f:
                out.append((f.read(), flags, file_id, refs))
        return out

    def stored_messages(self, address, folder="INBOX"):
        return [row[0] for row in self.stored(address, folder)]

    def mailbox_row(self, address):
        rows = self.query(
            "SELECT quota_bytes, used_bytes, quota_notice, disabled FROM mailboxes WHERE address = ?",
            address.lower(),
        )
        return rows[0] if rows else None


# --- messages ---------------------------------------------------------------------------------

_message_counter = [0]


def service_environment():
    """The service's environment. In an AddressSanitizer build freed memory waits in a 256 MB
    quarantine, which would make every RSS bound in these tests meaningless; a small quarantine
    keeps them meaningful there. Other builds ignore ASAN_OPTIONS."""
    env = dict(os.environ)
    options = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (options + ":" if options else "") + "quarantine_size_mb=8:thread_local_quarantine_size_kb=256"
    return env


def zone_line(record):
    """One record of `postwardenctl --json records` in the loopback DNS server's zone syntax (long
    TXT values split into strings of at most 250 characters)."""
    value = record["value"]
    if record["type"] == "TXT":
        text = value.replace('"', "")
        value = " ".join('"%s"' % text[i : i + 250] for i in range(0, len(text), 250))
    return "%s %s %s" % (record["name"].rstrip("."), record["type"], value)


def make_message(sender, recipient, subject=None, body=None, extra_headers=b""):
    """A plain RFC 5322 message with CRLF line ends and a unique Message-ID and subject."""
    _message_counter[0] += 1
    n = _message_counter[0]
    subject = subject or "test message %d %d" % (os.getpid(), n)
    if body is None:
        body = b"Hello,\r\n\r\nthis is test message %d.\r\n.leading dot line\r\n" % n
    header = (
        "From: Sender <%s>\r\n"
        "To: <%s>\r\n"
        "Subject: %s\r\n"
        "Date: Wed, 25 Nov 2026 12:00:00 +0000\r\n"
        "Message-ID: <pwtest.%d.%d.%f@client.example.test>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n" % (sender, recipient, subject, os.getpid(), n, time.time())
    ).encode("utf-8")
    return header + extra_headers + b"\r\n" + body


def header_fields(block):
    """[(name, raw field bytes)] of a header block (folded lines kept with their field)."""
    fields = []
    for line in block.split(b"\r\n"):
        if not line:
            continue
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] = (fields[-1][0], fields[-1][1] + b"\r\n" + line)
        else:
            fields.append((line.split(b":", 1)[0].decode("latin-1"), line))
    return fields


def added_fields(stored, sent):
    """The header fields the service put in front of the message it was sent; raises
    AssertionError unless the stored copy is exactly those fields followed by `sent`."""
    if not stored.endswith(sent):
        raise AssertionError(
            "the stored message does not end with the message sent\n--- stored (start):\n%r\n--- sent (start):\n%r"
            % (stored[:1500], sent[:500])
        )
    prefix = stored[: len(stored) - len(sent)]
    if prefix and not prefix.endswith(b"\r\n"):
        raise AssertionError("the added header does not end in CRLF: %r" % prefix[-200:])
    for line in prefix.split(b"\r\n")[:-1]:
        if not line or (line[:1] not in (b" ", b"\t") and not re.match(rb"^[!-9;-~]+:", line)):
            raise AssertionError("not a header line in front of the message: %r" % line)
    return header_fields(prefix)


def field_value(field):
    """The unfolded value of a raw header field."""
    raw = field[1] if isinstance(field, tuple) else field
    return re.sub(rb"\r\n[ \t]", b" ", raw.split(b":", 1)[1]).strip().decode("utf-8", "replace")


# --- SMTP on a raw socket -----------------------------------------------------------------------


class Reply:
    def __init__(self, code, lines):
        self.code = code
        self.lines = lines  # texts after "NNN-" / "NNN "

    @property
    def enhanced(self):
        first = self.lines[0] if self.lines else ""
        word = first.split(" ", 1)[0]
        return word if re.match(r"^[245]\.\d{1,3}\.\d{1,3}$", word) else None

    @property
    def text(self):
        return "\n".join(self.lines)

    def __repr__(self):
        return "Reply(%d, %r)" % (self.code, self.lines)


class RawClient:
    """What the raw SMTP and IMAP clients share: a loopback socket (optionally TLS from the
    start), a buffer of bytes read but not yet used, the STARTTLS switch and the close check."""

    def __init__(self, port, timeout, tls, source):
        # Any 127/8 source address reaches the loopback listener: several "clients" on one host.
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
        if tls:
            self.sock = insecure_context().wrap_socket(self.sock, server_hostname=HOSTNAME)
        self.buffer = b""
        self.timeout = timeout

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send(self, data):
        self.sock.sendall(data)

    def _start_tls(self, what):
        """The TLS handshake after the server's go-ahead; nothing may have come after it."""
        if self.buffer:
            raise AssertionError("the server sent %r after its %s to STARTTLS" % (self.buffer, what))
        self.sock.settimeout(self.timeout)
        self.sock = insecure_context().wrap_socket(self.sock, server_hostname=HOSTNAME)

    def closed_by_server(self, timeout=5):
        """True when the server closes the connection within timeout (buffered bytes aside)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                continue
            except (ConnectionResetError, ssl.SSLError):
                return True
            if not chunk:
                return True
            self.buffer += chunk
        return False


class RawSmtp(RawClient):
    """An SMTP client that sends exactly the bytes it is given and reads replies strictly."""

    def __init__(self, port, timeout=REPLY_TIMEOUT, tls=False, source="127.0.0.1"):
        super().__init__(port, timeout, tls, source)

    def _line(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\r\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no reply line within %.1f s (have %r)" % (timeout, self.buffer[:200]))
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                raise ConnectionError("connection closed by the server (have %r)" % self.buffer[:200])
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line.decode("utf-8", "replace")

    def reply(self, timeout=None):
        timeout = timeout or self.timeout
        lines, code = [], None
        while True:
            line = self._line(timeout)
            if not re.match(r"^[2-5]\d\d[ -]", line + " "):
                raise AssertionError("malformed reply line: %r" % line)
            this_code = int(line[:3])
            if code is not None and this_code != code:
                raise AssertionError("reply code changed inside a multi-line reply: %r" % line)
            code = this_code
            lines.append(line[4:])
            if len(line) == 3 or line[3] == " ":
                return Reply(code, lines)

    def command(self, line):
        self.send(line.encode("utf-8") + b"\r\n")
        return self.reply()

    def starttls(self):
        """STARTTLS; on 220 the TLS handshake. Returns the reply to STARTTLS."""
        reply = self.command("STARTTLS")
        if reply.code == 220:
            self._start_tls("220")
        return reply



def expect(reply, code, what):
    if reply.code != code:
        raise AssertionError("%s: expected %d, got %r" % (what, code, reply))


# --- IMAP -------------------------------------------------------------------------------------------


class TimedIMAP4(imaplib.IMAP4):
    """imaplib.IMAP4 from IMAP_SOURCE whose socket has a timeout for the whole session, also
    after STARTTLS."""

    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, source_address=(IMAP_SOURCE, 0))

    def starttls(self, ssl_context=None):
        result = super().starttls(ssl_context=ssl_context or insecure_context())
        self.sock.settimeout(self._pw_timeout)
        return result


class TimedIMAP4_SSL(imaplib.IMAP4_SSL):
    """imaplib.IMAP4_SSL from IMAP_SOURCE."""

    def _create_socket(self, timeout):
        sock = socket.create_connection((self.host, self.port), timeout, source_address=(IMAP_SOURCE, 0))
        return self.ssl_context.wrap_socket(sock, server_hostname=self.host)


def imap_connect(plain_port, tls_port, tls="starttls", user=None, password=None, timeout=REPLY_TIMEOUT):
    """An imaplib client: tls=False (plain port, no TLS), "starttls" (plain port, then
    STARTTLS) or "implicit" (the IMAPS port). Logged in with LOGIN when user is given."""
    if tls == "implicit":
        client = TimedIMAP4_SSL("127.0.0.1", tls_port, ssl_context=insecure_context(), timeout=timeout)
    else:
        client = TimedIMAP4("127.0.0.1", plain_port, timeout=timeout)
        client._pw_timeout = timeout
        if tls:
            client.starttls(insecure_context())
    if user is not None:
        try:
            client.login(user, password)
        except BaseException:
            client.shutdown()
            raise
    return client


class ImapResponse:
    """The answer to one raw IMAP command: untagged (and continuation) responses as raw bytes,
    each with its literals inline and without its final CRLF, then the tagged line."""

    def __init__(self, tag, untagged, tagged):
        self.tag = tag
        self.untagged = untagged
        self.tagged = tagged  # b"TAG OK ..." without CRLF

    @property
    def status(self):
        parts = self.tagged.split(b" ", 2)
        return parts[1].decode("ascii", "replace").upper() if len(parts) > 1 else ""

    @property
    def text(self):
        parts = self.tagged.split(b" ", 2)
        return parts[2].decode("utf-8", "replace") if len(parts) > 2 else ""

    def starting(self, prefix):
        """Untagged responses that start with prefix (bytes, e.g. b"* LIST"), case-insensitive."""
        return [u for u in self.untagged if u[: len(prefix)].upper() == prefix.upper()]

    def __repr__(self):
        return "ImapResponse(untagged=%r, tagged=%r)" % (self.untagged[:20], self.tagged)


_LITERAL_AT_END = re.compile(rb"\{(\d+)\}$")


class RawImap(RawClient):
    """An IMAP client on a raw socket: sends exactly the bytes it is given and reads responses
    strictly, literals included. Every read is bounded by a timeout."""

    def __init__(self, port, tls=False, timeout=REPLY_TIMEOUT, source=None, greeting=True):
        super().__init__(port, timeout, tls, source or IMAP_SOURCE)
        self.counter = 0
        self.greeting = self.response(timeout) if greeting else None

    def _fill(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no complete response in time (have %r)" % self.buffer[:300])
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return
        if not chunk:
            raise ConnectionError("connection closed by the server (have %r)" % self.buffer[:300])
        self.buffer += chunk

    def line(self, timeout=None):
        """One line without its CRLF (literal data not interpreted)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while b"\r\n" not in self.buffer:
            self._fill(deadline)
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def response(self, timeout=None):
        """One whole response (untagged, continuation or tagged) with its literals inline."""
        deadline = time.monotonic() + (timeout or self.timeout)
        out = b""
        while True:
            while b"\r\n" not in self.buffer:
                self._fill(deadline)
            line, self.buffer = self.buffer.split(b"\r\n", 1)
            out += line
            match = _LITERAL_AT_END.search(line)
            if not match or line.startswith(b"+ "):
                return out
            size = int(match.group(1))
            while len(self.buffer) < size:
                self._fill(deadline)
            out += b"\r\n" + self.buffer[:size]
            self.buffer = self.buffer[size:]

    def next_tag(self):
        self.counter += 1
        return "T%03d" % self.counter

    def read_until_tagged(self, tag, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        untagged = []
        tag_bytes = tag.encode("ascii") + b" "
        while True:
            response = self.response(max(0.01, deadline - time.monotonic()))
            if response.startswith(tag_bytes):
                return ImapResponse(tag, untagged, response)
            untagged.append(response)

    def command(self, text, timeout=None, tag=None):
        """Sends "TAG text CRLF" (text: str or bytes) and reads up to the tagged response."""
        tag = tag or self.next_tag()
        data = text.encode("utf-8") if isinstance(text, str) else text
        self.send(tag.encode("ascii") + b" " + data + b"\r\n")
        return self.read_until_tagged(tag, timeout)

    def continuation(self, timeout=None):
        """The next response, which must be a continuation request ("+ ..."); returns it."""
        response = self.response(timeout)
        if not response.startswith(b"+"):
            raise AssertionError("expected a continuation request, got %r" % response)
        return response

    def login(self, user, password):
        response = self.command("LOGIN %s %s" % (quoted(user), quoted(password)))
        if response.status != "OK":
            raise AssertionError("LOGIN %s failed: %r" % (user, response))
        return response

    def starttls(self):
        response = self.command("STARTTLS")
        if response.status == "OK":
            self._start_tls("OK")
        return response



def quoted(text):
    """An IMAP quoted string."""
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def insecure_context():
    """The service's certificate is self-signed; these tests check the protocol, not the PKI."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def run(args, timeout=120, input=None):
    """A program with output captured; never waits without bound."""
    return subprocess.run(
        args, input=input, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, text=True
    )


# --- test case base -----------------------------------------------------------------------------

class ServiceTestCase(unittest.TestCase):
    """One service per test class: set ZONE and CONFIG, then use self.service / cls.service.
    When a test fails, the tail of the service's output is printed with it."""

    ZONE = ""
    CONFIG = {}
    IMAP = False
    service = None

    @classmethod
    def make_service(cls):
        return Service(zone=cls.ZONE, config=cls.CONFIG, imap=cls.IMAP)

    @classmethod
    def setUpClass(cls):
        cls.service = cls.make_service()
        try:
            cls.prepare()
        except BaseException:
            sys.stderr.write("postwardend output:\n%s\n" % cls.service.output())
            cls.service.stop()
            raise

    @classmethod
    def prepare(cls):
        """Domains and mailboxes of the class."""

    @classmethod
    def tearDownClass(cls):
        if cls.service:
            cls.service.stop()
            cls.service = None

    def run(self, result=None):
        failures_before = len(result.failures) + len(result.errors) if result else 0
        outcome = super().run(result)
        if result and len(result.failures) + len(result.errors) > failures_before and self.service:
            sys.stderr.write("\n--- postwardend output (tail) for %s:\n%s\n" % (self.id(), self.service.output()[-6000:]))
        return outcome

    def smtp_session(self, port=None, ehlo="client.example.test"):
        """A raw SMTP session past the greeting (and EHLO unless ehlo is None), closed at cleanup."""
        client = RawSmtp(port or self.service.smtp_port)
        self.addCleanup(client.close)
        self.assertReply(client.reply(), 220)
        if ehlo:
            self.assertReply(client.command("EHLO " + ehlo), 250)
        return client

    def deliver(self, to, message, **kwargs):
        """Through the service's MX listener; returns the monotonic time of the final 250."""
        return self.service.deliver(to, message, **kwargs)

    def imap_connect(self, tls="starttls", user=None, password=None, timeout=REPLY_TIMEOUT):
        """An imaplib client (see imap_connect()), logged out at cleanup."""
        client = self.service.imap_connect(tls, user, password, timeout)

        def close():
            try:
                if client.state != "LOGOUT":
                    client.logout()
            except Exception:
                try:
                    client.shutdown()
                except Exception:
                    pass

        self.addCleanup(close)
        return client

    def raw_imap(self, tls=False, timeout=REPLY_TIMEOUT, source=None):
        """A RawImap past the greeting, closed at cleanup."""
        client = self.service.raw_imap(tls=tls, timeout=timeout, source=source)
        self.addCleanup(client.close)
        return client

    def assertReply(self, reply, code, enhanced=None, msg=None):
        """reply: a Reply, or smtplib's (code, message bytes) tuple."""
        if isinstance(reply, tuple):
            text = reply[1].decode("utf-8", "replace") if isinstance(reply[1], bytes) else str(reply[1])
            first = text.split("\n", 1)[0]
            got_code = reply[0]
            word = first.split(" ", 1)[0]
            got_enhanced = word if re.match(r"^[245]\.\d{1,3}\.\d{1,3}$", word) else None
        else:
            got_code, got_enhanced, text = reply.code, reply.enhanced, reply.text
        expected = "%d %s" % (code, enhanced or "")
        got = "%d %s" % (got_code, got_enhanced or "")
        if got_code != code or (enhanced is not None and got_enhanced != enhanced):
            self.fail("%sexpected %s, got %s (%s)" % (msg + ": " if msg else "", expected, got, text))


def data_bytes(message):
    """What a client sends after DATA's 354: the message dot-stuffed, then the end marker."""
    stuffed = message.replace(b"\r\n.", b"\r\n..")
    if stuffed.startswith(b"."):
        stuffed = b"." + stuffed
    if not stuffed.endswith(b"\r\n"):
        stuffed += b"\r\n"
    return stuffed + b".\r\n"
