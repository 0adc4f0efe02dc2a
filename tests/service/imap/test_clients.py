#!/usr/bin/python3
"""Real IMAP clients from Debian's packages against postwardend: mbsync (isync) syncing a
mailbox with several folders to a Maildir and a local change back, fetchmail pulling INBOX over
implicit TLS into an MDA with and without keep, mutt reading INBOX in a pseudo-terminal, and
curl listing folders, fetching a message and sending EXAMINE and SEARCH.

The messages come in through SMTP; what the clients did is checked on the server with imaplib.
Each client runs with HOME and its configuration in a temporary directory of its own and with
a timeout; when one fails, its output is in the assertion and the service's log follows it.
Set POSTWARDEN_IMAP_TARGET=dovecot to run the same cases against a private Dovecot.
"""

import fcntl
import hashlib
import os
import pty
import pwd
import re
import select
import shutil
import ssl
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import imapcase  # noqa: E402
from imapcase import ImapTestCase, fetch_items, flagset, imaplib_fetches, parse_list  # noqa: E402

CLIENT_TIMEOUT = 120  # seconds one client run may take
FOLDERS = ["INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive"]
MBSYNC = "/usr/bin/mbsync"
FETCHMAIL = "/usr/bin/fetchmail"
MUTT = "/usr/bin/mutt"
CURL = "/usr/bin/curl"

_serial = [0]


def message(subject, body_words, sender="sender@client.example.test", to="user@example.test"):
    """A plain message with CRLF line ends, a unique Message-ID and a leading-dot line."""
    _serial[0] += 1
    n = _serial[0]
    # Dates one second apart in the order the messages are made: mutt sorts by them.
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(1795608000 + n))
    body = "Hello,\r\n\r\n%s\r\n.a line that starts with a dot\r\nmessage %d of pid %d\r\n" % (
        body_words, n, os.getpid())
    return (
        "From: Sender Name <%s>\r\n"
        "To: <%s>\r\n"
        "Subject: %s\r\n"
        "Date: %s\r\n"
        "Message-ID: <clients.%d.%d@client.example.test>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "\r\n%s" % (sender, to, subject, date, os.getpid(), n, body)
    ).encode("ascii")


def lf(data):
    return data.replace(b"\r\n", b"\n")


def message_id(data):
    match = re.search(rb"^Message-ID:\s*(<[^>\r\n]*>)", data, re.I | re.M)
    return match.group(1).decode() if match else None


def without_fetchmail_received(data):
    """data without the Received field fetchmail adds ("... with IMAP (fetchmail-VERSION) ...").
    It goes after the Return-Path and the fields above the first Received, not always first."""
    end = data.find(b"\r\n\r\n")
    head = data[: end + 2] if end >= 0 else data
    fields = re.findall(rb"[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*", head)
    ours = [f for f in fields if f.lower().startswith(b"received:") and b"(fetchmail-" in f]
    if len(ours) != 1:
        raise AssertionError("not one Received field of fetchmail's in %r" % head[:1500])
    return data.replace(ours[0], b"", 1)


def without_tuid(data):
    """data without the X-TUID field mbsync puts into each message it copies, to find it again
    after an interrupted run (LF or CRLF line ends)."""
    end = re.search(rb"\r?\n\r?\n", data)
    if not end:
        return data
    head = re.sub(rb"\r?\nX-TUID: [^\r\n]*", b"", data[: end.start()])
    return head + data[end.start():]


def strip_escapes(screen):
    """Terminal output as text: escape sequences become blanks."""
    text = re.sub(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHM]", b" ", screen)
    return text.decode("utf-8", "replace")


class ClientInteropTest(ImapTestCase):
    """One service; each test has a mailbox of its own."""

    @classmethod
    def prepare(cls):
        super().prepare()
        missing = [p for p in (MBSYNC, FETCHMAIL, MUTT, CURL) if not os.access(p, os.X_OK)]
        if missing:
            raise unittest.SkipTest("missing %s: installer/install-deps.sh installs isync, fetchmail, mutt and curl"
                                    % " ".join(missing))
        if imapcase.TARGET == "dovecot":
            cls._dovecot_host_certificate()
        cls.certificate_pem = ssl.get_server_certificate(("127.0.0.1", cls.service.imaps_port))

    @classmethod
    def _dovecot_host_certificate(cls):
        # postwardend's self-signed certificate is a host certificate (CA:FALSE), which mbsync
        # trusts as it stands when it is in CertificateFile; give the Dovecot target one alike.
        temp = cls.service.temp
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=mx.example.test", "-days", "2",
             "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "subjectAltName=DNS:mx.example.test",
             "-keyout", os.path.join(temp, "key.pem"), "-out", os.path.join(temp, "cert.pem")],
            check=True, capture_output=True, timeout=60,
        )
        cls.service.restart()

    # --- helpers ---------------------------------------------------------------------------------

    def home(self):
        """A temporary HOME for one client run, removed at cleanup."""
        path = tempfile.mkdtemp(prefix="pw-imapclient-")
        if not os.environ.get("POSTWARDEN_KEEP_TEST_DIRS"):
            self.addCleanup(shutil.rmtree, path, True)
        return path

    def environment(self, home):
        return {
            "HOME": home,
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
            "LANG": "C.UTF-8",
            "TMPDIR": home,
            "USER": pwd.getpwuid(os.getuid()).pw_name,
            "LOGNAME": pwd.getpwuid(os.getuid()).pw_name,
        }

    def run_client(self, name, args, home, ok=(0,), timeout=CLIENT_TIMEOUT, extra_env=None):
        """Runs a client to its end; fails with its output when it exits otherwise than ok."""
        env = self.environment(home)
        env.update(extra_env or {})
        try:
            result = subprocess.run(args, cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, timeout=timeout)
        except subprocess.TimeoutExpired as expired:
            output = (expired.stdout or b"").decode("utf-8", "replace")
            self.fail("%s did not finish within %d s; its output:\n%s" % (name, timeout, output[-6000:]))
        output = result.stdout.decode("utf-8", "replace")
        if result.returncode not in ok:
            self.fail("%s exited with %d (expected %s); its output:\n%s"
                      % (name, result.returncode, "/".join(map(str, ok)), output[-6000:]))
        return output

    def account_with_mail(self, subjects, prefix="client"):
        """A new mailbox with one message per subject delivered through SMTP, in this order.
        Returns (address, [sent bytes])."""
        address = self.account(prefix)
        sent = []
        for subject in subjects:
            data = message(subject, "words of %s" % subject.lower(), to=address)
            self.deliver(address, data)
            sent.append(data)
        return address, sent

    def server_messages(self, address, folder="INBOX"):
        """[(uid, flags without \\Recent, bytes)] of a folder, read with imaplib over implicit
        TLS without changing anything (EXAMINE, BODY.PEEK)."""
        client = self.login(address, tls="implicit")
        try:
            typ, data = client.select('"%s"' % folder, readonly=True)
            self.assertEqual(typ, "OK", "EXAMINE %s: %r" % (folder, data))
            if int(data[0]) == 0:
                return []
            typ, data = client.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
            self.assertEqual(typ, "OK", "UID FETCH: %r" % data)
            out = []
            for raw in imaplib_fetches(data):
                items = fetch_items(raw)
                out.append((int(items["UID"]), flagset(items["FLAGS"]), items["BODY[]"]))
            return sorted(out)
        finally:
            client.logout()

    def assertDelivered(self, stored, sent):
        """The server's copy is the message sent with trace fields in front."""
        if not stored.endswith(sent):
            self.fail("the server's copy does not end with the message sent:\n%r\n---\n%r" % (stored[:800], sent[:400]))

    def fingerprint_md5(self):
        der = ssl.PEM_cert_to_DER_cert(self.certificate_pem)
        return ":".join("%02X" % b for b in hashlib.md5(der).digest())

    # --- mbsync ----------------------------------------------------------------------------------

    def mbsync_config(self, home, address):
        cert = os.path.join(home, "server.pem")
        with open(cert, "w", encoding="ascii") as f:
            f.write(self.certificate_pem)
        maildir = os.path.join(home, "Mail")
        os.mkdir(maildir)
        rc = os.path.join(home, ".mbsyncrc")
        with open(rc, "w", encoding="utf-8") as f:
            f.write(
                "IMAPAccount pw\n"
                "Host 127.0.0.1\n"
                "Port %d\n"
                'User "%s"\n'
                'Pass "%s"\n'
                "SSLType IMAPS\n"
                "CertificateFile %s\n"
                "Timeout 60\n"
                "\n"
                "IMAPStore pw-far\n"
                "Account pw\n"
                "\n"
                "MaildirStore local\n"
                "Path %s/\n"
                "Inbox %s/INBOX\n"
                "SubFolders Verbatim\n"
                "\n"
                "Channel pw\n"
                "Far :pw-far:\n"
                "Near :local:\n"
                "Patterns *\n"
                "Create Both\n"
                "Expunge Both\n"
                "SyncState *\n"
                % (self.service.imaps_port, address, self.PASSWORDS[address], cert, maildir, maildir)
            )
        os.chmod(rc, 0o600)
        return rc, maildir

    @staticmethod
    def maildir_messages(folder):
        """{path: bytes} of the messages in a Maildir folder (new/ and cur/), without the X-TUID
        field mbsync puts into the messages it copies to find them again."""
        out = {}
        for sub in ("new", "cur"):
            directory = os.path.join(folder, sub)
            for name in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
                with open(os.path.join(directory, name), "rb") as f:
                    data = f.read()
                out[os.path.join(directory, name)] = without_tuid(data)
        return out

    def test_mbsync_syncs_folders_and_a_local_change_back(self):
        address, sent = self.account_with_mail(["mbsync one", "mbsync two", "mbsync three", "mbsync four",
                                                "mbsync five"], prefix="mbsync")
        # Spread the mail over folders: two messages to Archive, one written to Sent.
        client = self.login(address, tls="implicit")
        client.select("INBOX")
        typ, data = client.uid("SEARCH", "SUBJECT", '"mbsync four"')
        four = data[0].split()
        typ, data = client.uid("SEARCH", "SUBJECT", '"mbsync five"')
        to_archive = b",".join(four + data[0].split()).decode()
        typ, data = client.uid("COPY", to_archive, "Archive")
        self.assertEqual(typ, "OK", "COPY to Archive: %r" % data)
        client.uid("STORE", to_archive, "+FLAGS.SILENT", "(\\Deleted)")
        typ, data = client.expunge()
        self.assertEqual(typ, "OK", "EXPUNGE: %r" % data)
        sent_copy = message("mbsync sent copy", "a message the user sent", sender=address, to="bob@example.test")
        typ, data = client.append("Sent", "(\\Seen)", None, sent_copy)
        self.assertEqual(typ, "OK", "APPEND to Sent: %r" % data)
        client.logout()
        before = {folder: self.server_messages(address, folder) for folder in FOLDERS}
        self.assertEqual([len(before[f]) for f in FOLDERS], [3, 1, 0, 0, 0, 2])

        home = self.home()
        rc, maildir = self.mbsync_config(home, address)
        output = self.run_client("mbsync", [MBSYNC, "-c", rc, "-V", "-a"], home)

        # Every folder arrived, each message byte for byte (mbsync stores LF line ends).
        for folder in FOLDERS:
            local = self.maildir_messages(os.path.join(maildir, folder))
            self.assertEqual(sorted(local.values()), sorted(lf(m[2]) for m in before[folder]),
                             "folder %s after the first sync; mbsync said:\n%s" % (folder, output[-4000:]))
        for stored, original in zip([m[2] for m in before["INBOX"]], sent[:3]):
            self.assertDelivered(stored, original)

        # The local change: flag one message, delete another, add a new one.
        inbox = os.path.join(maildir, "INBOX")
        local = self.maildir_messages(inbox)
        by_subject = {re.search(rb"^Subject: (.*)$", data, re.M).group(1): path for path, data in local.items()}
        flag_path = by_subject[b"mbsync one"]
        delete_path = by_subject[b"mbsync two"]
        directory, name = os.path.split(flag_path)
        base, _, info = name.partition(":2,")
        flags = "".join(sorted(set(info) | {"F"}))
        os.rename(flag_path, os.path.join(os.path.dirname(directory), "cur", "%s:2,%s" % (base, flags)))
        os.unlink(delete_path)
        added = message("mbsync added locally", "written into the local maildir", sender=address, to=address)
        with open(os.path.join(inbox, "new", "%d.local%d.client" % (time.time(), os.getpid())), "wb") as f:
            f.write(lf(added))

        output = self.run_client("mbsync (second run)", [MBSYNC, "-c", rc, "-V", "-a"], home)
        after = self.server_messages(address)
        subjects = {re.search(rb"^Subject: (.*)\r$", m[2], re.M).group(1): m for m in after}
        context = "server INBOX after the second sync: %r\nmbsync said:\n%s" % (
            [(m[0], m[1], m[2][:0]) for m in after], output[-4000:])
        self.assertEqual(sorted(subjects), [b"mbsync added locally", b"mbsync one", b"mbsync three"], context)
        self.assertIn("\\Flagged", subjects[b"mbsync one"][1], context)
        self.assertNotIn("\\Flagged", subjects[b"mbsync three"][1], context)
        self.assertNotIn("\\Deleted", subjects[b"mbsync three"][1], context)
        self.assertEqual(without_tuid(subjects[b"mbsync added locally"][2]), added, context)
        self.assertGreater(subjects[b"mbsync added locally"][0], max(m[0] for m in before["INBOX"]), context)
        for folder in FOLDERS[1:]:
            self.assertEqual(self.server_messages(address, folder), before[folder], "folder %s changed" % folder)

        # A third run finds nothing to do: no duplicates either way.
        self.run_client("mbsync (third run)", [MBSYNC, "-c", rc, "-a"], home)
        self.assertEqual(self.server_messages(address), after)
        local = self.maildir_messages(inbox)
        self.assertEqual(sorted(local.values()), sorted(without_tuid(lf(m[2])) for m in after))

    # --- fetchmail -------------------------------------------------------------------------------

    def fetchmail(self, address, keep):
        """Runs fetchmail once over implicit TLS into an MDA that writes one file per message;
        returns ({Message-ID: bytes the MDA got}, fetchmail's output)."""
        home = self.home()
        out = os.path.join(home, "delivered")
        os.mkdir(out)
        mda = os.path.join(home, "mda.sh")
        with open(mda, "w", encoding="ascii") as f:
            f.write('#!/bin/sh\nexec cat > "$(mktemp %s/msg.XXXXXX)"\n' % out)
        os.chmod(mda, 0o755)
        rc = os.path.join(home, ".fetchmailrc")
        with open(rc, "w", encoding="utf-8") as f:
            f.write(
                "set no syslog\n"
                "poll 127.0.0.1 service %d protocol IMAP auth password timeout 60\n"
                '  user "%s" there with password "%s" is "%s" here\n'
                '  ssl no sslcertck sslfingerprint "%s"\n'
                "  folder INBOX\n"
                "  fetchall no stripcr no rewrite %s\n"
                '  mda "%s"\n'
                % (self.service.imaps_port, address, self.PASSWORDS[address], pwd.getpwuid(os.getuid()).pw_name,
                   self.fingerprint_md5(), "keep" if keep else "no keep", mda)
            )
        os.chmod(rc, 0o600)
        output = self.run_client("fetchmail", [FETCHMAIL, "-f", rc, "--nodetach", "-v"], home,
                                 extra_env={"FETCHMAILHOME": home})
        got = {}
        for name in sorted(os.listdir(out)):
            with open(os.path.join(out, name), "rb") as f:
                data = f.read()
            got[message_id(data)] = data
        return got, output

    def check_fetched(self, got, stored, output):
        context = "fetchmail said:\n%s" % output[-4000:]
        self.assertEqual(sorted(got), sorted(message_id(m[2]) for m in stored), context)
        for uid, flags, data in stored:
            # Byte for byte, CRLF kept (no stripcr), after the Received field fetchmail adds.
            self.assertEqual(without_fetchmail_received(got[message_id(data)]), data, context)

    def test_fetchmail_keeps_messages_with_keep(self):
        address, sent = self.account_with_mail(["fetch keep one", "fetch keep two", "fetch keep three"],
                                               prefix="fetchkeep")
        stored = self.server_messages(address)
        for (uid, flags, data), original in zip(stored, sent):
            self.assertDelivered(data, original)
        got, output = self.fetchmail(address, keep=True)
        self.check_fetched(got, stored, output)
        after = self.server_messages(address)
        self.assertEqual([(m[0], m[2]) for m in after], [(m[0], m[2]) for m in stored], output[-4000:])
        for uid, flags, data in after:
            self.assertIn("\\Seen", flags, "UID %d after fetchmail --keep; fetchmail said:\n%s" % (uid, output[-4000:]))
        # The same once more: fetchall takes the seen messages too, and nothing else arrived.
        again, output = self.fetchmail(address, keep=True)
        self.check_fetched(again, stored, output)

    def test_fetchmail_removes_messages_without_keep(self):
        address, sent = self.account_with_mail(["fetch move one", "fetch move two"], prefix="fetchmove")
        stored = self.server_messages(address)
        got, output = self.fetchmail(address, keep=False)
        self.check_fetched(got, stored, output)
        self.assertEqual(self.server_messages(address), [], "INBOX after fetchmail without keep; it said:\n%s"
                         % output[-4000:])

    # --- mutt ------------------------------------------------------------------------------------

    def run_in_pty(self, name, args, home, steps, timeout=CLIENT_TIMEOUT, rows=50, columns=160):
        """Runs a full-screen client on a pseudo-terminal of its own, as a person would: for each
        (pattern, keys) of steps it waits until the screen shows pattern, then types keys. Returns
        (exit code, the screen output as text, [the screen text up to each step's match])."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = self.environment(home)
        env.update({"TERM": "vt100", "COLUMNS": str(columns), "LINES": str(rows)})
        try:
            process = subprocess.Popen(args, cwd=home, env=env, stdin=slave, stdout=slave, stderr=slave,
                                       start_new_session=True)
        finally:
            os.close(slave)
        screen, seen, shown = b"", 0, []
        steps = list(steps)
        deadline = time.monotonic() + timeout
        try:
            while True:
                if time.monotonic() > deadline:
                    process.kill()
                    process.wait(10)
                    waiting = ("waiting for %r" % steps[0][0]) if steps else "waiting for it to exit"
                    self.fail("%s did not finish within %d s (%s); the screen:\n%s"
                              % (name, timeout, waiting, strip_escapes(screen)[-6000:]))
                if steps:
                    text = strip_escapes(screen[seen:])
                    if re.search(steps[0][0], text):
                        shown.append(text)
                        seen = len(screen)
                        os.write(master, steps.pop(0)[1].encode())
                        continue
                ready, _, _ = select.select([master], [], [], 0.1)
                chunk = b""
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:  # EIO: the client closed the terminal
                        chunk = b""
                    screen += chunk
                if not chunk and process.poll() is not None:
                    break
            process.wait(10)
        finally:
            os.close(master)
        if steps:
            self.fail("%s exited (%s) while waiting for %r; the screen:\n%s"
                      % (name, process.returncode, steps[0][0], strip_escapes(screen)[-6000:]))
        return process.returncode, strip_escapes(screen), shown

    def test_mutt_lists_and_reads_inbox(self):
        subjects = ["mutt first message", "mutt second message", "mutt third message"]
        address, sent = self.account_with_mail(subjects, prefix="mutt")
        stored = self.server_messages(address)
        home = self.home()
        certs = os.path.join(home, "certificates")
        with open(certs, "w", encoding="ascii") as f:
            f.write(self.certificate_pem)
        url = "imaps://127.0.0.1:%d/" % self.service.imaps_port
        copy = os.path.join(home, "copy.mbox")
        rc = os.path.join(home, "muttrc")
        with open(rc, "w", encoding="utf-8") as f:
            f.write(
                'set imap_user = "%s"\n'
                'set imap_pass = "%s"\n'
                'set certificate_file = "%s"\n'
                "set ssl_verify_host = no\n"
                'set folder = "%s"\n'
                'set spoolfile = "%sINBOX"\n'
                'set header_cache = ""\n'
                'set message_cachedir = ""\n'
                "set move = no\n"
                "set quit = yes\n"
                "set delete = no\n"
                "set confirmcreate = no\n"
                "set confirmappend = no\n"
                "set mark_old = no\n"
                "set wait_key = no\n"
                "set sort = date-sent\n"
                'set index_format = "IDX %%4C [%%s]"\n'
                'set pager_format = "PAGER %%C [%%s]"\n'
                "set mbox_type = mbox\n"
                "set imap_keepalive = 60\n"
                "set timeout = 30\n"
                'macro index X "<tag-pattern>~A<enter><tag-prefix><copy-message>%s<enter><quit>"\n'
                % (address, self.PASSWORDS[address], certs, url, url, copy)
            )
        # The index with the three messages; Enter shows the first in the pager; q back to the
        # index; X copies all of them into an mbox file and quits.
        steps = [
            (r"IDX +3 \[", "\r"),
            (r"words of mutt first message", "q"),
            (r"IDX +1 \[", "X"),
        ]
        code, screen, shown = self.run_in_pty("mutt", [MUTT, "-n", "-F", rc, "-f", url + "INBOX"], home, steps)
        context = "mutt's screen:\n%s" % screen[-6000:]
        self.assertEqual(code, 0, context)
        for subject in subjects:
            self.assertRegex(shown[0], r"IDX +\d+ \[%s\]" % re.escape(subject), context)
        self.assertRegex(shown[1], r"PAGER 1 \[mutt first message\]", context)
        self.assertIn("message %d of pid" % (_serial[0] - 2), shown[1], context)
        self.assertTrue(os.path.exists(copy), context)
        with open(copy, "rb") as f:
            mbox = f.read()
        # mutt's mbox: LF line ends, a "From " line in front of each, Status/Content-Length
        # fields of its own; every header field and the whole body of each message are there.
        for uid, flags, data in stored:
            head, _, body = lf(data).partition(b"\n\n")
            for field in re.split(rb"\n(?![ \t])", head):
                self.assertIn(field, mbox, "UID %d: field %r missing from the copy:\n%r" % (uid, field, mbox[:3000]))
            self.assertIn(b"\n\n" + body.replace(b"\nFrom ", b"\n>From "), mbox, "UID %d: body missing" % uid)
        # Reading the first message marked it seen on the server, and only it.
        seen = [uid for uid, flags, data in self.server_messages(address) if "\\Seen" in flags]
        self.assertEqual(seen, [stored[0][0]], context)

    # --- curl ------------------------------------------------------------------------------------

    def curl(self, address, url, *extra, ok=(0,)):
        home = self.home()
        args = [CURL, "--silent", "--show-error", "--insecure", "--max-time", "60",
                "--user", "%s:%s" % (address, self.PASSWORDS[address]), url] + list(extra)
        return self.run_client("curl %s %s" % (url, " ".join(extra)), args, home, ok=ok)

    def curl_bytes(self, address, url):
        home = self.home()
        out = os.path.join(home, "body")
        self.run_client("curl %s" % url, [CURL, "--silent", "--show-error", "--insecure", "--max-time", "60",
                                          "--user", "%s:%s" % (address, self.PASSWORDS[address]), "--output", out, url],
                        home)
        with open(out, "rb") as f:
            return f.read()

    def test_curl_lists_folders(self):
        address = self.account("curllist")
        for url in ("imaps://127.0.0.1:%d/" % self.service.imaps_port,):
            output = self.curl(address, url)
            listed = {}
            for line in output.splitlines():
                self.assertTrue(line.startswith("* LIST "), "unexpected line %r in:\n%s" % (line, output))
                attributes, delimiter, name = parse_list(line)
                listed[name] = (attributes, delimiter)
            self.assertEqual(sorted(listed), sorted(FOLDERS), output)
            for name, (attributes, delimiter) in listed.items():
                self.assertEqual(delimiter, "/", output)
            for name, use in imapcase.SPECIAL_USE.items():
                self.assertIn(use.lower(), listed[name][0], output)

    def test_curl_lists_folders_over_starttls(self):
        address = self.account("curltls")
        output = self.curl(address, "imap://127.0.0.1:%d/" % self.service.imap_port, "--ssl-reqd")
        names = sorted(parse_list(line)[2] for line in output.splitlines())
        self.assertEqual(names, sorted(FOLDERS), output)

    def test_curl_fetches_a_message(self):
        address, sent = self.account_with_mail(["curl fetch one", "curl fetch two"], prefix="curlfetch")
        stored = self.server_messages(address)
        for uid, flags, data in stored:
            self.assertNotIn("\\Seen", flags)
            body = self.curl_bytes(address, "imaps://127.0.0.1:%d/INBOX;UID=%d" % (self.service.imaps_port, uid))
            self.assertEqual(body, data, "curl's copy of UID %d" % uid)
        # curl fetches BODY[] (not PEEK): the messages are seen now.
        for uid, flags, data in self.server_messages(address):
            self.assertIn("\\Seen", flags, "UID %d after curl fetched it" % uid)
        # A section: the header only, and a UID that does not exist.
        uid = stored[0][0]
        header = self.curl_bytes(address, "imaps://127.0.0.1:%d/INBOX;UID=%d;SECTION=HEADER"
                                 % (self.service.imaps_port, uid))
        self.assertEqual(header, stored[0][2].split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n")
        self.curl(address, "imaps://127.0.0.1:%d/INBOX;UID=%d" % (self.service.imaps_port, uid + 1000), ok=(78, 8, 9))

    def test_curl_examine_and_search(self):
        address, sent = self.account_with_mail(["curl search apple", "curl search banana", "curl search apple pie"],
                                               prefix="curlsearch")
        stored = self.server_messages(address)
        base = "imaps://127.0.0.1:%d/INBOX" % self.service.imaps_port
        output = self.curl(address, base, "--request", "EXAMINE INBOX")
        self.assertRegex(output, r"(?m)^\* 3 EXISTS\r?$", output)
        self.assertRegex(output, r"(?m)^\* OK \[UIDVALIDITY \d+\]", output)
        self.assertRegex(output, r"(?m)^\* OK \[UIDNEXT %d\]" % (stored[-1][0] + 1), output)
        output = self.curl(address, base, "--request", 'UID SEARCH SUBJECT "apple"')
        match = re.search(r"(?m)^\* SEARCH((?: \d+)*)\r?$", output)
        self.assertTrue(match, output)
        expected = sorted(uid for uid, flags, data in stored if b"Subject: curl search apple" in data)
        self.assertEqual(sorted(int(u) for u in match.group(1).split()), expected, output)
        # The URL form of SEARCH: message sequence numbers.
        output = self.curl(address, base + "?SUBJECT%20banana")
        self.assertRegex(output, r"(?m)^\* SEARCH 2\r?$", output)
        # Nothing changed: EXAMINE and SEARCH leave the flags alone.
        self.assertEqual(self.server_messages(address), stored)


if __name__ == "__main__":
    unittest.main(verbosity=2)
