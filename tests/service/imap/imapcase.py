"""The base of the IMAP integration suites: a ServiceTestCase whose service listens for IMAP
and IMAPS, plus what every suite shares (accounts, messages, response parsing).

The suites run against the real postwardend (through ctest). For checking the suites' own
expectations where the RFCs fix them, they also run against Dovecot with
POSTWARDEN_IMAP_TARGET=dovecot: a private Dovecot (/usr/sbin/dovecot) on loopback ports with a
passwd-file, started by DovecotService below. Cases that test postwardend's own policy (its log,
its lockout, its configuration keys) are skipped there, with the reason shown.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# python3 -I does not put the script's directory on sys.path; the harness lives with the SMTP suites.
sys.path.insert(0, os.path.join(HERE, "..", "smtp"))

import pwharness  # noqa: E402
from pwharness import ServiceTestCase  # noqa: E402

TARGET = os.environ.get("POSTWARDEN_IMAP_TARGET", "postwardend")
DOMAIN = "example.test"
SPECIAL_USE = {"Sent": "\\Sent", "Drafts": "\\Drafts", "Trash": "\\Trash", "Junk": "\\Junk", "Archive": "\\Archive"}
EXPECTED_CAPABILITIES = [
    "IMAP4rev1", "IMAP4rev2", "IDLE", "UIDPLUS", "MOVE", "NAMESPACE", "ID", "SPECIAL-USE", "LITERAL+",
    "ENABLE", "UNSELECT", "CHILDREN", "SASL-IR", "CONDSTORE", "ESEARCH",
]

if TARGET == "dovecot":
    # Dovecot treats a client whose address equals the server's as secure (no LOGINDISABLED);
    # from another loopback address it behaves as for a remote client.
    pwharness.IMAP_SOURCE = "127.0.0.2"


class DovecotService:
    """A private Dovecot with the interface of pwharness.Service that the IMAP suites use."""

    def __init__(self, config=None):
        self.config = config or {}
        self.temp = tempfile.mkdtemp(prefix="pw-imaptest-dovecot-")
        os.chmod(self.temp, 0o755)
        self.conf = os.path.join(self.temp, "dovecot.conf")
        self.passwd = os.path.join(self.temp, "passwd")
        self.log_path = os.path.join(self.temp, "dovecot.log")
        self.mail = os.path.join(self.temp, "mail")
        os.mkdir(self.mail)
        shutil.chown(self.mail, "nobody", "nogroup")
        os.mkdir(self.passwd)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + pwharness.HOSTNAME,
             "-days", "2", "-keyout", os.path.join(self.temp, "key.pem"), "-out", os.path.join(self.temp, "cert.pem")],
            check=True, capture_output=True, timeout=60,
        )
        self.imap_port, self.imaps_port = pwharness.free_ports(2)
        self.process = None
        self._write_config()
        self.launch()

    def _write_config(self):
        imap = self.config.get("imap", {})
        plaintext = imap.get("plaintext_auth_on_loopback", "false") == "true"
        mailboxes = "\n".join(
            "  mailbox %s {\n    special_use = %s\n    auto = subscribe\n  }" % (name, use)
            for name, use in SPECIAL_USE.items()
        )
        text = f"""
base_dir = {self.temp}/run
state_dir = {self.temp}/state
log_path = {self.log_path}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{self.temp}/cert.pem
ssl_key = <{self.temp}/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = {"no" if plaintext else "yes"}
auth_mechanisms = plain
auth_failure_delay = 0
auth_verbose = yes
mail_max_userip_connections = 200
imap_max_line_length = {imap.get("max_line_length", "65536")}
mail_location = maildir:~/Maildir:LAYOUT=fs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.passwd}/%u
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={self.mail}/%d/%n allow_all_users=yes
}}
namespace inbox {{
  inbox = yes
  separator = /
{mailboxes}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""
        with open(self.conf, "w") as f:
            f.write(text)

    def launch(self):
        with open(self.log_path, "ab") as out:
            self.process = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", self.conf],
                                            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("dovecot exited: %s" % self.output())
            try:
                with pwharness.RawImap(self.imap_port, timeout=2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("dovecot did not start: %s" % self.output())

    def running(self):
        return self.process is not None and self.process.poll() is None

    def terminate(self):
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        return self.process.returncode

    def restart(self):
        self.terminate()
        self.launch()

    def stop(self):
        try:
            self.terminate()
        finally:
            if os.environ.get("POSTWARDEN_KEEP_TEST_DIRS"):
                sys.stderr.write("kept %s\n" % self.temp)
            else:
                shutil.rmtree(self.temp, ignore_errors=True)

    def output(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-20000:]
        except OSError:
            return ""

    def add_domain(self, domain):
        pass

    def add_mailbox(self, address, password="secret password 1"):
        # One file per user: Dovecot checks a passwd-file for changes at most once a second.
        with open(os.path.join(self.passwd, address), "w") as f:
            f.write("%s:{PLAIN}%s::::::\n" % (address, password))

    def deliver(self, to, message, sender="sender@client.example.test", timeout=30):
        for rcpt in [to] if isinstance(to, str) else to:
            result = subprocess.run(
                ["/usr/lib/dovecot/dovecot-lda", "-c", self.conf, "-d", rcpt, "-f", sender],
                input=message, capture_output=True, timeout=timeout,
            )
            if result.returncode != 0:
                raise AssertionError("dovecot-lda failed: %r" % result.stderr)
        return time.monotonic()

    def imap_connect(self, tls="starttls", user=None, password=None, timeout=30):
        return pwharness.imap_connect(self.imap_port, self.imaps_port, tls, user, password, timeout)

    def raw_imap(self, tls=False, timeout=30, source=None):
        return pwharness.RawImap(self.imaps_port if tls else self.imap_port, tls=tls, timeout=timeout, source=source)


_accounts = [0]


class ImapTestCase(ServiceTestCase):
    """One service with IMAP per test class. PASSWORDS: {address: password} made in prepare()."""

    IMAP = True
    PASSWORDS = {}

    @classmethod
    def make_service(cls):
        if TARGET == "dovecot":
            return DovecotService(config=cls.CONFIG)
        return super().make_service()

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        for address, password in cls.PASSWORDS.items():
            cls.service.add_mailbox(address, password)

    def account(self, prefix="user"):
        """A new mailbox of its own for one test: its address (password in PASSWORDS)."""
        _accounts[0] += 1
        address = "%s%d@%s" % (prefix, _accounts[0], DOMAIN)
        password = "pass %d word" % _accounts[0]
        self.service.add_mailbox(address, password)
        type(self).PASSWORDS = dict(self.PASSWORDS, **{address: password})
        return address

    def postwardend_only(self, why):
        """For cases about postwardend's own policy rather than the protocol."""
        if TARGET != "postwardend":
            self.skipTest("postwardend only (%s); target is %s" % (why, TARGET))

    def login(self, address, tls="starttls"):
        """An imaplib session logged in as address."""
        return self.imap_connect(tls, address, self.PASSWORDS[address])

    def raw_login(self, address, tls=True):
        """A RawImap session logged in as address (over implicit TLS unless tls=False, which
        then needs plaintext_auth_on_loopback)."""
        client = self.raw_imap(tls=tls)
        client.login(address, self.PASSWORDS[address])
        return client

    def assertOk(self, response, msg=None):
        """imaplib (typ, data) or pwharness.ImapResponse."""
        status = response.status if isinstance(response, pwharness.ImapResponse) else response[0]
        if status != "OK":
            self.fail("%sexpected OK, got %r" % (msg + ": " if msg else "", response))
        return response

    def assertStatus(self, response, statuses, msg=None):
        """A raw response whose tagged status is one of statuses ("NO", ("NO", "BAD"), ...)."""
        statuses = (statuses,) if isinstance(statuses, str) else tuple(statuses)
        if response.status not in statuses:
            self.fail("%sexpected %s, got %r" % (msg + ": " if msg else "", "/".join(statuses), response))
        return response


# --- messages ------------------------------------------------------------------------------------

_counter = [0]


def simple_message(subject=None, body=b"Hello,\r\n\r\nplain test body.\r\n", sender="sender@client.example.test",
                   to="alice@example.test", extra_headers=b"", date="Wed, 25 Nov 2026 12:00:00 +0000"):
    _counter[0] += 1
    subject = subject or "imap test %d %d" % (os.getpid(), _counter[0])
    head = (
        "From: Sender Name <%s>\r\n"
        "To: Alice <%s>\r\n"
        "Subject: %s\r\n"
        "Date: %s\r\n"
        "Message-ID: <imaptest.%d.%d@client.example.test>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n" % (sender, to, subject, date, os.getpid(), _counter[0])
    ).encode()
    return head + extra_headers + b"\r\n" + body


MULTIPART_TEXT = b"This is the text part.\r\nSecond line of the text part.\r\n"
MULTIPART_HTML = b"<html><body><p>The HTML part.</p></body></html>\r\n"
MULTIPART_ATTACHMENT = b"attachment bytes\x00\x01\x02" * 20


def multipart_message(subject, sender="sender@client.example.test", to="alice@example.test"):
    """multipart/mixed: multipart/alternative (text/plain, text/html) and a base64 attachment."""
    import base64

    attachment = base64.encodebytes(MULTIPART_ATTACHMENT).replace(b"\n", b"\r\n")
    return (
        b"From: Sender Name <" + sender.encode() + b">\r\n"
        b"To: Alice <" + to.encode() + b">\r\n"
        b"Cc: Carol <carol@example.test>\r\n"
        b"Subject: " + subject.encode() + b"\r\n"
        b"Date: Wed, 25 Nov 2026 12:00:00 +0000\r\n"
        b"Message-ID: <multipart.%d@client.example.test>\r\n"
        b"In-Reply-To: <parent@client.example.test>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="outer-boundary"\r\n'
        b"\r\n"
        b"This is a multi-part message in MIME format.\r\n"
        b"--outer-boundary\r\n"
        b'Content-Type: multipart/alternative; boundary="inner-boundary"\r\n'
        b"\r\n"
        b"--inner-boundary\r\n"
        b"Content-Type: text/plain; charset=us-ascii\r\n"
        b"Content-Transfer-Encoding: 7bit\r\n"
        b"\r\n" + MULTIPART_TEXT + b"--inner-boundary\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"\r\n" + MULTIPART_HTML + b"--inner-boundary--\r\n"
        b"--outer-boundary\r\n"
        b'Content-Type: application/octet-stream; name="data.bin"\r\n'
        b'Content-Disposition: attachment; filename="data.bin"\r\n'
        b"Content-Transfer-Encoding: base64\r\n"
        b"\r\n" + attachment + b"--outer-boundary--\r\n"
    ) % (os.getpid(),)


# --- responses -----------------------------------------------------------------------------------


def capabilities(data):
    """The capability names in an imaplib CAPABILITY answer or a raw "* CAPABILITY ..." line."""
    if isinstance(data, (list, tuple)):
        data = b" ".join(d for d in data if isinstance(d, bytes))
    text = data.decode("ascii", "replace")
    text = re.sub(r"^\*?\s*(OK\s*\[)?CAPABILITY\s+", "", text, flags=re.I)
    return set(text.rstrip("]").split())


def parse_list(line):
    """(attributes set, delimiter, name) of a LIST/LSUB response body (imaplib's data item)."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", "replace")
    line = re.sub(r"^\*\s+(LIST|LSUB)\s+", "", line, flags=re.I)
    match = re.match(r'^\(([^)]*)\)\s+(NIL|"(?:\\.|[^"])*")\s+(.*)$', line)
    if not match:
        raise AssertionError("not a LIST response: %r" % line)
    attributes = {a.lower() for a in match.group(1).split()}
    delimiter = None if match.group(2) == "NIL" else match.group(2)[1:-1].replace("\\\\", "\\")
    name = match.group(3)
    if name.startswith('"'):
        name = re.sub(r"\\(.)", r"\1", name[1:-1])
    return attributes, delimiter, name


def response_code(data, name):
    """The value of [NAME value] in an imaplib untagged response list, or None."""
    for item in data or []:
        if isinstance(item, bytes):
            match = re.search(rb"\[" + name.encode() + rb"(?: ([^\]]*))?\]", item, re.I)
            if match:
                return (match.group(1) or b"").decode()
    return None


def fetch_items(raw):
    """The data items of one raw "* n FETCH (...)" response: {NAME: value bytes}, literals
    taken whole, parenthesized values and quoted strings kept as they were sent."""
    start = raw.index(b"(")
    body = raw[start + 1:]
    items = {}
    i = 0
    while i < len(body):
        if body[i:i + 1] in (b" ", b")"):
            i += 1
            continue
        # name: up to a space, but BODY[...]<...> may contain spaces inside the brackets
        j = i
        depth = 0
        while j < len(body):
            c = body[j:j + 1]
            if c == b"[":
                depth += 1
            elif c == b"]":
                depth -= 1
            elif c == b" " and depth == 0:
                break
            j += 1
        name = body[i:j].decode("ascii", "replace").upper()
        i = j + 1
        value, i = _value(body, i)
        items[name] = value
    return items


def _value(body, i):
    c = body[i:i + 1]
    if c == b"{":
        end = body.index(b"}", i)
        size = int(body[i + 1:end].rstrip(b"+"))
        start = end + 3  # "}\r\n"
        return body[start:start + size], start + size
    if c == b'"':
        j = i + 1
        while body[j:j + 1] != b'"':
            j += 2 if body[j:j + 1] == b"\\" else 1
        return body[i:j + 1], j + 1
    if c == b"(":
        depth = 0
        j = i
        while j < len(body):
            ch = body[j:j + 1]
            if ch == b'"':
                j += 1
                while body[j:j + 1] != b'"':
                    j += 2 if body[j:j + 1] == b"\\" else 1
            elif ch == b"{":
                end = body.index(b"}", j)
                j = end + 3 + int(body[j + 1:end].rstrip(b"+")) - 1
            elif ch == b"(":
                depth += 1
            elif ch == b")":
                depth -= 1
                if depth == 0:
                    return body[i:j + 1], j + 1
            j += 1
        return body[i:], len(body)
    j = i
    while j < len(body) and body[j:j + 1] not in (b" ", b")"):
        j += 1
    return body[i:j], j


def unquote_nstring(value):
    if value == b"NIL":
        return None
    if value.startswith(b'"'):
        return re.sub(rb"\\(.)", rb"\1", value[1:-1])
    return value


def parse_sexp(data):
    """An IMAP value (parenthesized lists, quoted strings, literals, NIL, atoms and numbers) as
    Python: list, bytes (strings), None (NIL), int (numbers), str (other atoms)."""
    value, i = _sexp(data, 0)
    return value


def _sexp(data, i):
    while data[i:i + 1] == b" ":
        i += 1
    c = data[i:i + 1]
    if c == b"(":
        out = []
        i += 1
        while True:
            while data[i:i + 1] == b" ":
                i += 1
            if data[i:i + 1] == b")":
                return out, i + 1
            if i >= len(data):
                raise AssertionError("unbalanced parentheses in %r" % data)
            value, i = _sexp(data, i)
            out.append(value)
    if c == b'"':
        j = i + 1
        text = b""
        while data[j:j + 1] != b'"':
            if j >= len(data):
                raise AssertionError("unterminated quoted string in %r" % data)
            if data[j:j + 1] == b"\\":
                j += 1
            text += data[j:j + 1]
            j += 1
        return text, j + 1
    if c in (b"{", b"~"):
        if c == b"~":
            i += 1
        end = data.index(b"}", i)
        size = int(data[i + 1:end].rstrip(b"+"))
        start = end + 3
        return data[start:start + size], start + size
    j = i
    while j < len(data) and data[j:j + 1] not in (b" ", b"(", b")"):
        if data[j:j + 1] == b"[":
            j = data.index(b"]", j)
        j += 1
    atom = data[i:j].decode("ascii", "replace")
    if atom.upper() == "NIL":
        return None, j
    if atom.isdigit():
        return int(atom), j
    return atom, j


def flagset(value):
    """The flags of a FETCH FLAGS value (bytes) as a set, without \\Recent: whether a session
    sees \\Recent depends on which session saw the message first (RFC 3501 2.3.2)."""
    return {f for f in parse_sexp(value) if f.lower() != "\\recent"}


def lower_strings(value):
    """The value with every string and atom in lower case, for case-insensitive comparisons."""
    if isinstance(value, list):
        return [lower_strings(v) for v in value]
    if isinstance(value, bytes):
        return value.lower()
    if isinstance(value, str):
        return value.lower()
    return value


def imaplib_fetches(data):
    """imaplib's FETCH data as raw "* n FETCH (...)" responses, literals inline."""
    out = []
    for item in data or []:
        if item is None:
            continue
        head = item[0] if isinstance(item, tuple) else item
        starts = re.match(rb"^\d+ \(", head) is not None
        if starts or not out:
            out.append(b"* " + re.sub(rb"^(\d+) ", rb"\1 FETCH ", head) if starts else head)
        else:
            out[-1] += head
        if isinstance(item, tuple):
            out[-1] += b"\r\n" + item[1]
    return out
