#!/usr/bin/python3
"""config show and config set through postwardenctl against the real postwardend: every key
shown with its effective value, valid changes written with comments and other lines kept,
invalid ones refused with nothing written, and restart_required telling what is not live."""

import json
import os
import stat
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
# python3 -I does not put the script's directory on sys.path; the harness lives with the SMTP suites.
sys.path.insert(0, os.path.join(HERE, "..", "smtp"))

from pwharness import HOSTNAME, ServiceTestCase  # noqa: E402

COMMENTED_HEADER = "# Written by hand: this comment must survive every config set.\n"


class ConfigTest(ServiceTestCase):
    @classmethod
    def prepare(cls):
        cls.path = os.path.join(cls.service.data, "postwarden.conf")
        with open(cls.path, encoding="utf-8") as f:
            cls.original = f.read()

    def setUp(self):
        # Every test starts from the file the service was started with, plus hand-written comments.
        self.write(COMMENTED_HEADER + self.original.replace("[dns]\n", "[dns]\n# resolver of the test\n"))
        os.chmod(self.path, 0o640)
        # Host name and public addresses are applied to the running service at once: put them back.
        self.addCleanup(self.set, "service.hostname=%s" % HOSTNAME, "service.public_addresses=")

    def write(self, text):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)

    def read(self):
        with open(self.path, encoding="utf-8") as f:
            return f.read()

    def show(self):
        return json.loads(self.service.ctl("config", "show", "--json").stdout)

    def set(self, *assignments, check=True):
        return self.service.ctl("--json", "config", "set", *assignments, check=check)

    # --- config show -----------------------------------------------------------------------

    def test_show_lists_every_key_with_defaults(self):
        shown = self.show()
        self.assertEqual(shown["file"], self.path)
        values = shown["values"]
        self.assertGreaterEqual(len(values), 30, values)
        for key, value in values.items():
            self.assertRegex(key, r"^[a-z]+\.[a-z_]+$")
            self.assertIsInstance(value, str)
        self.assertEqual(values["service.hostname"], HOSTNAME)
        self.assertEqual(values["listen.smtp"], "127.0.0.1:%d" % self.service.smtp_port)
        self.assertEqual(values["mail.max_recipients"], "1000")  # not in the file: the default
        self.assertEqual(values["log.level"], "info")
        self.assertEqual(shown["hostname"], HOSTNAME)
        self.assertEqual(shown["public_addresses"], [])
        self.assertEqual(shown["dns_servers"], ["127.0.0.1:%d" % self.service.dns.port])
        self.assertIs(shown["restart_required"], False)

    def test_show_as_text(self):
        out = self.service.ctl("config", "show").stdout
        self.assertIn("service.hostname = %s" % HOSTNAME, out)
        self.assertIn("mail.max_recipients = 1000", out)
        self.assertIn("127.0.0.1:%d" % self.service.dns.port, out)

    # --- config set ------------------------------------------------------------------------

    def test_set_writes_the_file_and_keeps_everything_else(self):
        before = self.read()
        result = self.service.ctl(
            "config", "set", "service.hostname=mail.example.org", "service.public_addresses=192.0.2.1"
        )
        self.assertIn("service.hostname", result.stdout)
        self.assertIn("service.public_addresses", result.stdout)
        self.assertIn("restart", result.stdout)  # the greetings keep the old host name until then
        after = self.read()
        self.assertTrue(after.startswith(COMMENTED_HEADER), after)
        self.assertIn("# resolver of the test\n", after)
        self.assertIn("hostname = mail.example.org\n", after)
        self.assertIn("public_addresses = 192.0.2.1\n", after)
        self.assertNotIn("hostname = %s" % HOSTNAME, after)
        # Every other line is still there, in its order.
        kept = [line for line in before.splitlines() if not line.startswith("hostname")]
        remaining = [line for line in after.splitlines() if line in kept]
        self.assertEqual(remaining, kept)
        self.assertEqual(stat.S_IMODE(os.stat(self.path).st_mode), 0o640)

        shown = self.show()
        self.assertEqual(shown["values"]["service.hostname"], "mail.example.org")
        self.assertEqual(shown["values"]["service.public_addresses"], "192.0.2.1")
        # Applied at once for what reads them (records, status) ...
        self.assertEqual(shown["hostname"], "mail.example.org")
        self.assertEqual(shown["public_addresses"], ["192.0.2.1"])
        status = json.loads(self.service.ctl("--json", "status").stdout)
        self.assertEqual(status["hostname"], "mail.example.org")
        # ... but the SMTP greeting keeps the old name until a restart.
        self.assertIs(shown["restart_required"], True)

        records = [r for r in self.service.log_records() if r.get("category") == "config"]
        self.assertTrue(records, "no config record in the log")
        self.assertEqual(records[-1]["level"], "notice")
        self.assertIn("service.hostname", records[-1]["message"])
        self.assertIn("service.public_addresses", records[-1]["message"])

    def test_live_setting_needs_no_restart(self):
        result = json.loads(self.set("service.public_addresses=192.0.2.7, 2001:db8::7").stdout)
        self.assertEqual(result, {"changed": ["service.public_addresses"], "restart_required": False})
        shown = self.show()
        self.assertEqual(shown["public_addresses"], ["192.0.2.7", "2001:db8::7"])
        self.assertIs(shown["restart_required"], False)

    def test_listener_change_needs_a_restart(self):
        result = json.loads(self.set("listen.submissions=").stdout)
        self.assertEqual(result, {"changed": ["listen.submissions"], "restart_required": True})
        self.assertIn("submissions =\n", self.read())
        self.assertIs(self.show()["restart_required"], True)
        # Setting it back to what the service runs with clears it again.
        port = self.service.submissions_port
        result = json.loads(self.set("listen.submissions=127.0.0.1:%d" % port).stdout)
        self.assertEqual(result["restart_required"], False)

    def test_setting_a_default_that_is_commented_out(self):
        self.write(self.read() + "\n[mail]\n# Recipients per message.\n#max_recipients = 1000\n")
        result = json.loads(self.set("mail.max_recipients=50").stdout)
        self.assertEqual(result, {"changed": ["mail.max_recipients"], "restart_required": True})
        self.assertIn("# Recipients per message.\n#max_recipients = 1000\nmax_recipients = 50\n", self.read())
        self.assertEqual(self.show()["values"]["mail.max_recipients"], "50")

    def test_unchanged_value_writes_nothing(self):
        before = self.read()
        result = json.loads(self.set("service.hostname=%s" % HOSTNAME).stdout)
        self.assertEqual(result, {"changed": [], "restart_required": False})
        self.assertEqual(self.read(), before)

    def test_invalid_changes_write_nothing(self):
        before = self.read()
        cases = [
            (["nosuch.key=1"], "nosuch.key"),
            (["hostname=x.example.org"], "hostname"),
            (["mail.max_recipients=50", "listen.smtp=nonsense"], "listen.smtp"),
            (["mail.max_recipients=0"], "mail.max_recipients"),
            (["service.hostname=not a host!"], "service.hostname"),
            (["service.public_addresses=192.0.2.1,300.1.1.1"], "service.public_addresses"),
            (["log.level=loud"], "log.level"),
            (["tls.cert=/etc/ssl/mail.pem"], "tls.cert"),
            (["service.hostname"], "section.key=value"),
        ]
        for args, named in cases:
            with self.subTest(args=args):
                result = self.set(*args, check=False)
                self.assertNotEqual(result.returncode, 0, result.stdout)
                self.assertEqual(result.stdout, "")
                lines = result.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, result.stderr)
                self.assertIn(named, lines[0])
                self.assertEqual(self.read(), before)
        self.assertIs(self.show()["restart_required"], False)

    def test_missing_file_is_created(self):
        os.unlink(self.path)
        result = json.loads(self.set("service.public_addresses=198.51.100.4").stdout)
        self.assertEqual(result["changed"], ["service.public_addresses"])
        text = self.read()
        self.assertIn("public_addresses = 198.51.100.4\n", text)
        self.assertIn("#max_recipients = 1000\n", text)  # the documented defaults of a first start
        self.assertEqual(stat.S_IMODE(os.stat(self.path).st_mode), 0o600)
        # Without the test's listeners and resolver the file now differs from what runs.
        self.assertIs(result["restart_required"], True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
