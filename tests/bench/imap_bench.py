"""IMAP benchmark driver: postwardend against a private Dovecot, one mailbox of N messages.

Run through tests/bench/imap_bench.sh, which checks the prerequisites, makes the work directory
and cleans up after a crash of this script. Run with Debian's /usr/bin/python3 (python3-dnslib
for the loopback DNS server postwardend asks for SPF while the messages are delivered).

Both servers get the same generated messages: postwardend through SMTP (several sessions at
once), Dovecot as files an MDA would have written into a Maildir. The same raw-socket client
then measures both; every figure is the median of --repeat runs after a warm-up pass.
"""

import argparse
import json
import os
import random
import signal
import smtplib
import socket
import statistics
import subprocess
import sys
import threading
import time

START_TIMEOUT = 60.0  # seconds a server may take until it greets
REPLY_TIMEOUT = 300.0  # seconds one IMAP command may take
STOP_TIMEOUT = 20.0

DOMAIN = "example.test"
USER = "bench@" + DOMAIN
PASSWORD = "bench password 1"
SENDER_DOMAIN = "sender.test"
RARE_WORD = "quokkazephyr"
RARE_COUNT = 5


def note(text):
    sys.stderr.write("imap_bench: %s\n" % text)
    sys.stderr.flush()


def free_port():
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
    finally:
        s.close()


# --- the messages -------------------------------------------------------------------------------


class Corpus:
    """N deterministic messages of about `size` bytes with CRLF line ends. RARE_WORD stands in
    the bodies of exactly RARE_COUNT of them, spread over the mailbox."""

    FIRST = "Anna Ben Carla David Eva Felix Greta Hugo Ines Jonas Karla Lukas Mara Nils Olga Paul Rosa Sven Tara Uwe".split()
    LAST = "Adler Becker Conrad Dietz Engel Fuchs Graf Hahn Imhof Jung Keller Lang Meier Noack Ott Pohl Roth Schulz".split()

    def __init__(self, count, size, seed=20260425):
        rng = random.Random(seed)
        syllables = "ka lo mi ne ru sa ti vo be da fe gu hi jo ple stra tor ven wil xan yor zu en an on ar".split()
        vocabulary = set()
        while len(vocabulary) < 3000:
            vocabulary.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
        vocabulary.discard(RARE_WORD)
        self.vocabulary = sorted(vocabulary)
        self.rare = {(k * count) // RARE_COUNT + count // (2 * RARE_COUNT) for k in range(RARE_COUNT)}
        self.messages = [self._message(rng, n, count, size) for n in range(count)]
        found = sum(1 for m in self.messages if RARE_WORD.encode() in m.lower())
        if found != len(self.rare):
            raise RuntimeError("the rare word stands in %d messages, not %d" % (found, len(self.rare)))

    def words(self, rng, count):
        return [rng.choice(self.vocabulary) for _ in range(count)]

    def _message(self, rng, n, count, size):
        first, last = rng.choice(self.FIRST), rng.choice(self.LAST)
        # One message every four minutes, the newest on 2026-03-31.
        stamp = 1774915200 - (count - n) * 240
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(stamp))
        subject = " ".join(self.words(rng, rng.randint(3, 8))).capitalize()
        header = (
            'From: "%s %s" <%s.%s@%s>\r\n'
            "To: Bench <%s>\r\n"
            "Subject: %s\r\n"
            "Date: %s\r\n"
            "Message-ID: <%08x.%d@mail.%s>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            % (first, last, first.lower(), last.lower(), SENDER_DOMAIN, USER, subject, date, rng.getrandbits(32), n,
               SENDER_DOMAIN)
        ).encode("ascii")
        target = rng.randint(size * 3 // 4, size * 5 // 4) - len(header) - 2
        lines, line, length = [], [], 0
        words = self.words(rng, target // 3 + 10)
        if n in self.rare:
            words[rng.randrange(len(words) // 2)] = RARE_WORD
        for word in words:
            if length >= target:
                break
            line.append(word)
            if len(" ".join(line)) > 68:
                text = " ".join(line)
                lines.append(text)
                length += len(text) + 2
                line = []
                if rng.random() < 0.15:
                    lines.append("")
                    length += 2
        if line:
            lines.append(" ".join(line))
        if n in self.rare and RARE_WORD not in "\n".join(lines):
            lines.insert(0, RARE_WORD)
        return header + b"\r\n" + "\r\n".join(lines).encode("ascii") + b"\r\n"


# --- a raw IMAP client ---------------------------------------------------------------------------


class ImapError(RuntimeError):
    pass


class Imap:
    """Sends a command and reads until its tagged reply, without parsing on the way: the time
    measured is the server's and the loopback's, not a parser's. parse() counts afterwards."""

    def __init__(self, port, timeout=REPLY_TIMEOUT):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.tag = 0
        self.pending = b""
        self.greeting = self._line()
        if not self.greeting.startswith(b"* OK"):
            raise ImapError("greeting: %r" % self.greeting[:200])

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def _line(self):
        while b"\r\n" not in self.pending:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ImapError("connection closed (have %r)" % self.pending[:200])
            self.pending += chunk
        line, self.pending = self.pending.split(b"\r\n", 1)
        return line

    def command(self, text):
        """(seconds, everything the server sent up to and including the tagged line)."""
        self.tag += 1
        tag = b"B%05d" % self.tag
        prefix = tag + b" "
        chunks = [self.pending] if self.pending else []
        total = len(self.pending)
        tail = self.pending[-4096:]
        self.pending = b""
        start = time.perf_counter()
        self.sock.sendall(prefix + text.encode("utf-8") + b"\r\n")
        while True:
            if tail.endswith(b"\r\n"):
                cut = tail.rfind(b"\r\n", 0, len(tail) - 2)
                if cut >= 0:
                    last = tail[cut + 2 :]
                elif total == len(tail):
                    last = tail
                else:
                    last = b""  # a line longer than the tail: not the tagged one
                if last.startswith(prefix):
                    break
            data = self.sock.recv(1 << 20)
            if not data:
                raise ImapError("connection closed during %r" % text)
            chunks.append(data)
            total += len(data)
            tail = data[-4096:] if len(data) >= 4096 else (tail + data)[-4096:]
        elapsed = time.perf_counter() - start
        response = b"".join(chunks)
        status = last[len(prefix) :].split(b" ", 1)[0]
        if status != b"OK":
            raise ImapError("%s -> %r" % (text, last[:300]))
        return elapsed, response

    def login(self):
        self.command('LOGIN "%s" "%s"' % (USER, PASSWORD))

    def select(self, mailbox="INBOX"):
        return self.command("SELECT " + mailbox)


def parse(response):
    """(untagged responses by kind, literal bytes): walks lines and skips literals."""
    kinds, literal_bytes, pos, end = {}, 0, 0, len(response)
    while pos < end:
        eol = response.find(b"\r\n", pos)
        if eol < 0:
            break
        line = response[pos:eol]
        pos = eol + 2
        # Literals: {N}CRLF then N bytes; the response line goes on after them.
        start_line = line
        while line.endswith(b"}") and b"{" in line:
            size_text = line[line.rfind(b"{") + 1 : -1].rstrip(b"+")
            if not size_text.isdigit():
                break
            size = int(size_text)
            literal_bytes += size
            pos += size
            eol = response.find(b"\r\n", pos)
            if eol < 0:
                eol = end
            line = response[pos:eol]
            pos = eol + 2
        if start_line.startswith(b"* "):
            words = start_line.split(b" ", 3)
            kind = words[2] if len(words) > 2 and words[1].isdigit() else words[1]
            kinds[kind.upper()] = kinds.get(kind.upper(), 0) + 1
            if kind.upper() == b"SEARCH":
                kinds[b"SEARCH_HITS"] = len(start_line.split()) - 2
    return kinds, literal_bytes


# --- the servers -------------------------------------------------------------------------------


def wait_greeting(port, process, timeout, name, log_path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("%s exited at start (%s): %s" % (name, process.returncode, tail_of(log_path)))
        try:
            client = Imap(port, timeout=5)
            client.close()
            return
        except (OSError, ImapError):
            time.sleep(0.1)
    raise RuntimeError("%s did not greet on 127.0.0.1:%d within %d s: %s" % (name, port, timeout, tail_of(log_path)))


def tail_of(path, lines=15):
    try:
        with open(path, "rb") as f:
            return "\n" + "\n".join(f.read().decode("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def rss_kib(pid, field="VmRSS:"):
    with open("/proc/%d/status" % pid, encoding="ascii") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def pss_kib(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid, encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [pid], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


class Server:
    name = "?"

    def __init__(self, work, pids_file):
        self.work = work
        self.pids_file = pids_file
        self.process = None
        self.port = None

    def remember(self, pid):
        with open(self.pids_file, "a", encoding="ascii") as f:
            f.write("%d\n" % pid)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)
        self.process = None

    def memory(self):
        """(RSS KiB, PSS KiB, processes)."""
        pids = self.pids()
        rss = pss = 0
        for pid in pids:
            try:
                rss += rss_kib(pid)
                pss += pss_kib(pid)
            except OSError:
                pass
        return rss, pss, len(pids)


class Dovecot(Server):
    """Debian's Dovecot from a config of its own: base_dir, state and log in the work directory,
    IMAP without TLS on one loopback port, passwd-file users, the Maildir owned by nobody."""

    name = "Dovecot"

    def __init__(self, work, pids_file, binary):
        super().__init__(work, pids_file)
        self.binary = binary
        self.dir = os.path.join(work, "dovecot")
        self.maildir = os.path.join(self.dir, "maildir")
        self.log_path = os.path.join(self.dir, "dovecot.log")
        self.config_path = os.path.join(self.dir, "dovecot.conf")

    def setup(self, corpus):
        import pwd

        nobody = pwd.getpwnam("nobody")
        os.makedirs(os.path.join(self.dir, "run"), 0o755)
        os.makedirs(os.path.join(self.dir, "state"), 0o755)
        home = os.path.join(self.dir, "home")
        os.makedirs(home)
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(self.maildir, sub))
        self.port = free_port()
        with open(os.path.join(self.dir, "passwd"), "w", encoding="ascii") as f:
            f.write("%s:{PLAIN}%s:%d:%d::%s::\n" % (USER, PASSWORD, nobody.pw_uid, nobody.pw_gid, home))
        with open(self.config_path, "w", encoding="ascii") as f:
            f.write(
                """# Written by imap_bench.py; nothing of /etc/dovecot is read.
base_dir = {dir}/run
state_dir = {dir}/state
instance_name = postwarden-bench
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {dir}/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = {uid}
mail_location = maildir:{maildir}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {dir}/passwd
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service imap {{
  process_limit = 100
}}
mail_max_userip_connections = 100
""".format(dir=self.dir, maildir=self.maildir, uid=nobody.pw_uid, port=self.port)
            )
        # What an MDA leaves: each message in new/ under a unique name with its size, the
        # file's time the arrival time, and the header an MTA puts in front.
        new = os.path.join(self.maildir, "new")
        base = 1774915200 - len(corpus.messages) * 240
        for n, message in enumerate(corpus.messages):
            stamp = base + n * 240
            data = self.delivered(n, message, stamp)
            name = "%d.M%06dP%dQ%d.bench,S=%d" % (stamp, n, os.getpid(), n, len(data))
            path = os.path.join(new, name)
            with open(path, "wb") as f:
                f.write(data)
            os.utime(path, (stamp, stamp))
        for root, dirs, files in os.walk(self.dir):
            for entry in dirs + files:
                path = os.path.join(root, entry)
                if root.startswith(self.maildir) or path == self.maildir or path == home:
                    os.chown(path, nobody.pw_uid, nobody.pw_gid)
        os.chown(self.maildir, nobody.pw_uid, nobody.pw_gid)
        os.chown(home, nobody.pw_uid, nobody.pw_gid)

    @staticmethod
    def delivered(n, message, stamp):
        """The message with the trace fields postwardend puts in front, in the same shape, so
        that both stores hold messages of the same size."""
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(stamp))
        prefix = (
            "Return-Path: <bench@{s}>\r\n"
            "Authentication-Results: dovecot.{d};\r\n"
            "\tspf=pass smtp.mailfrom=bench@{s};\r\n"
            "\tspf=pass smtp.helo=client.{s};\r\n"
            "\tdkim=none (the message has no DKIM signature);\r\n"
            "\tdmarc=none header.from={s}\r\n"
            "Received: from client.{s} ([127.0.0.1])\r\n"
            "\tby dovecot.{d} (Postfix) with ESMTP id {n:010X}\r\n"
            "\tfor <{u}>;\r\n"
            "\t{date}\r\n"
        ).format(s=SENDER_DOMAIN, d=DOMAIN, u=USER, n=n, date=date)
        return prefix.encode("ascii") + message

    def start(self):
        log = open(os.path.join(self.dir, "master.out"), "ab")
        try:
            self.process = subprocess.Popen(
                [self.binary, "-F", "-c", self.config_path], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        finally:
            log.close()
        self.remember(self.process.pid)
        wait_greeting(self.port, self.process, START_TIMEOUT, self.name, self.log_path)

    def stop(self):
        pids = self.pids() if self.process else []
        super().stop()
        # The master's children end with it; wait for them so a restart starts from nothing.
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline and any(os.path.exists("/proc/%d" % p) for p in pids):
            time.sleep(0.05)

    def pids(self):
        return descendants(self.process.pid) if self.process else []

    def log(self):
        return tail_of(self.log_path, 30)


class Postwarden(Server):
    """postwardend on a data directory of its own: the messages come in through SMTP from
    several sessions at once, IMAP listens without TLS on loopback with plaintext logins allowed
    there, a loopback DNS server answers the SPF lookups of the deliveries."""

    name = "postwardend"

    def __init__(self, work, pids_file, bin_dir, source_dir):
        super().__init__(work, pids_file)
        self.bin_dir = bin_dir
        self.source_dir = source_dir
        self.dir = os.path.join(work, "postwarden")
        self.data = os.path.join(self.dir, "data")
        self.log_path = os.path.join(self.dir, "postwardend.log")
        self.dns = None

    def start_dns(self):
        zone = os.path.join(self.dir, "zone")
        with open(zone, "w", encoding="ascii") as f:
            f.write('%s. TXT "v=spf1 ip4:127.0.0.1 -all"\n' % SENDER_DOMAIN)
            f.write('client.%s. TXT "v=spf1 ip4:127.0.0.1 -all"\n' % SENDER_DOMAIN)
            f.write("client.%s. A 127.0.0.1\n" % SENDER_DOMAIN)
        self.dns = subprocess.Popen(
            ["/usr/bin/python3", "-I", os.path.join(self.source_dir, "tests", "support", "dnsserver.py"), "--zone", zone],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.remember(self.dns.pid)
        line = self.dns.stdout.readline().strip()
        if not line.isdigit():
            raise RuntimeError("the loopback DNS server did not start: %r" % line)
        return int(line)

    def setup(self, corpus, sessions):
        os.makedirs(self.data, 0o700)
        dns_port = self.start_dns()
        self.port = free_port()
        self.smtp_port = free_port()
        with open(os.path.join(self.data, "postwarden.conf"), "w", encoding="ascii") as f:
            f.write(
                """[service]
hostname = bench.{domain}

[listen]
smtp = 127.0.0.1:{smtp}
submission =
submissions =
imap = 127.0.0.1:{imap}
imaps =

[smtp]
max_connections = 1000
max_connections_per_ip = 1000

[imap]
plaintext_auth_on_loopback = true
max_connections = 1000
max_connections_per_ip = 1000

[dns]
servers = 127.0.0.1:{dns}
""".format(domain=DOMAIN, smtp=self.smtp_port, imap=self.port, dns=dns_port)
            )
        self.start()
        self.ctl("domain", "add", DOMAIN)
        self.ctl("mailbox", "add", USER, input=PASSWORD + "\n")
        self.deliver(corpus, sessions)

    def ctl(self, *args, input=None):
        result = subprocess.run(
            [os.path.join(self.bin_dir, "postwardenctl"), "--socket", os.path.join(self.data, "control.sock")] + list(args),
            input=(input or "").encode(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=60,
        )
        if result.returncode != 0:
            raise RuntimeError("postwardenctl %s: %s" % (" ".join(args), result.stdout.decode(errors="replace")))
        return result.stdout.decode(errors="replace")

    def deliver(self, corpus, sessions):
        errors = []
        start = time.monotonic()

        def worker(first):
            try:
                client = None
                for n in range(first, len(corpus.messages), sessions):
                    for attempt in range(3):
                        try:
                            if client is None:
                                client = smtplib.SMTP("127.0.0.1", self.smtp_port, local_hostname="client." + SENDER_DOMAIN,
                                                      timeout=120)
                            client.sendmail("bench@" + SENDER_DOMAIN, [USER], corpus.messages[n])
                            break
                        except (smtplib.SMTPServerDisconnected, smtplib.SMTPResponseException, OSError):
                            if client is not None:
                                try:
                                    client.close()
                                except OSError:
                                    pass
                            client = None
                            if attempt == 2:
                                raise
                if client is not None:
                    client.quit()
            except Exception as error:  # reported by the caller
                errors.append("message session %d: %r" % (first, error))

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(sessions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(3600)
        if errors:
            raise RuntimeError("SMTP delivery failed: %s%s" % ("; ".join(errors[:3]), tail_of(self.log_path)))
        note("postwardend: %d messages delivered over SMTP in %.1f s (%d sessions)"
             % (len(corpus.messages), time.monotonic() - start, sessions))

    def start(self):
        out = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(
                [os.path.join(self.bin_dir, "postwardend"), "--foreground", "--data-dir", self.data],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        finally:
            out.close()
        self.remember(self.process.pid)
        wait_greeting(self.port, self.process, START_TIMEOUT, self.name, self.log_path)

    def stop_all(self):
        self.stop()
        if self.dns and self.dns.poll() is None:
            try:
                self.dns.stdin.close()
                self.dns.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                self.dns.kill()
                self.dns.wait(5)

    def pids(self):
        return [self.process.pid] if self.process else []

    def log(self):
        return tail_of(self.log_path, 30)


# --- the measurements ----------------------------------------------------------------------------


def drop_caches():
    subprocess.run(["sync"], check=True, timeout=300)
    with open("/proc/sys/vm/drop_caches", "w", encoding="ascii") as f:
        f.write("3\n")


class Bench:
    HEADERS = "UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])"

    def __init__(self, server, corpus, repeat, sessions_for_rss):
        self.server = server
        self.count = len(corpus.messages)
        self.bodies = min(1000, self.count)
        self.repeat = repeat
        self.sessions_for_rss = sessions_for_rss
        self.figures = {}

    def connect(self):
        start = time.perf_counter()
        client = Imap(self.server.port)
        client.login()
        _, selected = client.select()
        elapsed = time.perf_counter() - start
        exists = [line for line in selected.split(b"\r\n") if line.endswith(b" EXISTS")]
        if not exists or int(exists[0].split()[1]) != self.count:
            raise RuntimeError("%s: SELECT INBOX says %r, expected %d messages" % (self.server.name, exists, self.count))
        return client, elapsed

    def check(self, name, response, kind, expected, what="responses"):
        kinds, literal = parse(response)
        got = kinds.get(kind, 0)
        if got != expected:
            raise RuntimeError("%s: %s gave %d %s %s, expected %d" % (self.server.name, name, got, kind.decode(), what, expected))
        return literal

    def timed(self, client, name, command, kind, expected):
        """Median seconds over self.repeat runs, and the literal bytes of one."""
        times, literal = [], 0
        for _ in range(self.repeat):
            elapsed, response = client.command(command)
            literal = self.check(name, response, kind, expected)
            times.append(elapsed)
        return statistics.median(times), literal

    def run(self):
        name = self.server.name
        # Warm-up: each command once, untimed (Dovecot builds its index here). First every
        # message becomes \Seen, as in a mailbox its owner has read; the STORE figure then
        # sets and clears \Flagged beside it.
        client, _ = self.connect()
        for command in ("UID STORE 1:* +FLAGS.SILENT (\\Seen)", "UID FETCH 1:* (FLAGS)", self.HEADERS, "UID FETCH 1:%d BODY.PEEK[]" % self.bodies,
                        "UID SEARCH TEXT " + RARE_WORD, "UID STORE 1:* +FLAGS (\\Flagged)",
                        "UID STORE 1:* -FLAGS (\\Flagged)"):
            client.command(command)
        client.close()

        logins = []
        for _ in range(max(5, self.repeat)):
            c, elapsed = self.connect()
            logins.append(elapsed)
            c.close()
        self.figures["login"] = statistics.median(logins) * 1000

        client, _ = self.connect()
        seconds, _ = self.timed(client, "FETCH FLAGS", "UID FETCH 1:* (FLAGS)", b"FETCH", self.count)
        self.figures["flags"] = seconds * 1000
        seconds, _ = self.timed(client, "FETCH HEADER.FIELDS", self.HEADERS, b"FETCH", self.count)
        self.figures["headers"] = seconds * 1000
        seconds, literal = self.timed(client, "FETCH BODY[]", "UID FETCH 1:%d BODY.PEEK[]" % self.bodies, b"FETCH",
                                      self.bodies)
        self.figures["bodies_mb"] = literal / 1e6
        self.figures["bodies"] = literal / seconds / 1e6
        seconds, _ = self.timed(client, "SEARCH TEXT", "UID SEARCH TEXT " + RARE_WORD, b"SEARCH_HITS", RARE_COUNT)
        self.figures["search"] = seconds * 1000
        stores = []
        for _ in range(self.repeat):
            client.command("UID STORE 1:* -FLAGS.SILENT (\\Flagged)")
            elapsed, response = client.command("UID STORE 1:* +FLAGS (\\Flagged)")
            self.check("STORE", response, b"FETCH", self.count)
            stores.append(elapsed)
        self.figures["store"] = statistics.median(stores) * 1000
        client.close()

        # Cold: the server stopped, the page cache dropped, the server started again.
        self.server.stop()
        drop_caches()
        self.server.start()
        client, elapsed = self.connect()
        self.figures["login_cold"] = elapsed * 1000
        elapsed, response = client.command(self.HEADERS)
        self.check("cold FETCH HEADER.FIELDS", response, b"FETCH", self.count)
        self.figures["headers_cold"] = elapsed * 1000
        client.close()

        # Memory with sessions logged in and INBOX selected.
        time.sleep(0.5)
        self.figures["rss_idle"], _, _ = self.server.memory()
        clients = []
        try:
            for _ in range(self.sessions_for_rss):
                clients.append(self.connect()[0])
            time.sleep(1.0)
            rss, pss, processes = self.server.memory()
            self.figures["rss"] = rss / 1024
            self.figures["pss"] = pss / 1024
            self.figures["processes"] = processes
        finally:
            for c in clients:
                c.close()
        self.figures["rss_idle"] /= 1024
        note("%s: %s" % (name, json.dumps({k: round(v, 2) for k, v in self.figures.items()})))
        return self.figures


# --- the report ----------------------------------------------------------------------------------

# (key, label, unit, higher is better, target text, target check(pw, dovecot))
ROWS = [
    ("login", "connect+LOGIN+SELECT", "ms", False, None, None),
    ("flags", "UID FETCH 1:* (FLAGS)", "ms", False, "pw <= Dovecot", lambda p, d: p <= d),
    ("headers", "FETCH HEADER.FIELDS warm", "ms", False, "pw <= Dovecot", lambda p, d: p <= d),
    ("headers_cold", "FETCH HEADER.FIELDS cold", "ms", False, "pw < 100 ms", lambda p, d: p < 100),
    ("login_cold", "LOGIN+SELECT cold", "ms", False, None, None),
    ("bodies", "FETCH 1:1000 BODY[]", "MB/s", True, "pw >= Dovecot", lambda p, d: p >= d),
    ("search", "UID SEARCH TEXT rare", "ms", False, "30x faster", lambda p, d: d >= 30 * p),
    ("store", "UID STORE 1:* +FLAGS", "ms", False, "pw <= Dovecot", lambda p, d: p <= d),
    ("rss_idle", "RSS after the tests", "MB", False, None, None),
    ("rss", "RSS, N sessions", "MB", False, "pw < 60 MB", lambda p, d: p < 60),
    ("pss", "PSS, N sessions", "MB", False, None, None),
]


def report(results, args):
    pw, dc = results.get("postwardend", {}), results.get("Dovecot", {})
    print()
    print("IMAP benchmark: %d messages of about %d bytes in one INBOX over 127.0.0.1, %d cores, median of %d after a warm-up"
          % (args.messages, args.size, os.cpu_count() or 0, args.repeat))
    print("advantage > 1 means postwardend is better (Dovecot/pw for times and memory, pw/Dovecot for MB/s)")
    print("%-28s %6s %12s %12s %10s  %-15s %s" % ("", "unit", "postwardend", "Dovecot", "advantage", "target", ""))
    for key, label, unit, higher, target, check in ROWS:
        label = label.replace("N sessions", "%d sessions" % args.rss_sessions)
        p, d = pw.get(key), dc.get(key)
        fmt = lambda v: "-" if v is None else ("%.1f" % v if v < 1000 else "%.0f" % v)
        advantage = "-"
        if p is not None and d is not None and p > 0 and d > 0:
            advantage = "%.2f" % ((p / d) if higher else (d / p))
        verdict = ""
        if target and check and p is not None and (d is not None or "Dovecot" not in target and "faster" not in target):
            verdict = "met" if check(p, d) else "MISSED"
        print("%-28s %6s %12s %12s %10s  %-15s %s" % (label, unit, fmt(p), fmt(d), advantage, target or "", verdict))
    procs = dc.get("processes")
    if procs:
        print("Dovecot memory is the sum over its %d processes (RSS counts shared pages in each; PSS shares them out)" % procs)
    print("bodies: %.1f MB per fetch; load average at the end: %s"
          % (pw.get("bodies_mb", dc.get("bodies_mb", 0)), " ".join(open("/proc/loadavg").read().split()[:3])))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--dovecot", default="/usr/sbin/dovecot")
    parser.add_argument("--targets", default="dovecot postwarden")
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--smtp-sessions", type=int, default=8)
    parser.add_argument("--rss-sessions", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    targets = args.targets.split()
    for t in targets:
        if t not in ("dovecot", "postwarden"):
            parser.error("unknown target %r (dovecot, postwarden)" % t)

    pids_file = os.path.join(args.work, "pids")
    corpus = Corpus(args.messages, args.size)
    note("%d messages, %.1f MB, %r in %d of them"
         % (len(corpus.messages), sum(map(len, corpus.messages)) / 1e6, RARE_WORD, len(corpus.rare)))
    servers = []
    if "dovecot" in targets:
        servers.append(Dovecot(args.work, pids_file, args.dovecot))
    if "postwarden" in targets:
        servers.append(Postwarden(args.work, pids_file, args.bin_dir, args.source_dir))
    results, failed = {}, []
    try:
        # Every store is filled first, then each server runs alone.
        for server in servers:
            try:
                if isinstance(server, Postwarden):
                    server.setup(corpus, args.smtp_sessions)
                    server.stop()
                else:
                    server.setup(corpus)
            except Exception as error:
                note("%s: setup failed: %s" % (server.name, error))
                failed.append(server)
                server.stop()
        subprocess.run(["sync"], timeout=300)
        for server in servers:
            if server in failed:
                continue
            try:
                server.start()
                results[server.name] = Bench(server, corpus, args.repeat, args.rss_sessions).run()
            except Exception as error:
                note("%s failed: %s\n--- %s log (tail):%s" % (server.name, error, server.name, server.log()))
                failed.append(server)
            finally:
                server.stop()
    finally:
        for server in servers:
            if isinstance(server, Postwarden):
                server.stop_all()
            else:
                server.stop()
    report(results, args)
    if failed:
        note("failed: %s" % " ".join(s.name for s in failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
