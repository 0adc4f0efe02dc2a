<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>LogMethods</name>
    <message>
        <source>&quot;%1&quot; must be a number from 0 to %2</source>
        <translation>&quot;%1&quot; muss eine Zahl von 0 bis %2 sein</translation>
    </message>
    <message>
        <source>&quot;level&quot; must be debug, info, notice, warning or error</source>
        <translation>&quot;level&quot; muss debug, info, notice, warning oder error sein</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>a message must be a JSON object</source>
        <translation>eine Nachricht muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be &quot;2.0&quot;</source>
        <translation>&quot;jsonrpc&quot; muss &quot;2.0&quot; sein</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string, a number or null</source>
        <translation>&quot;id&quot; muss eine Zeichenkette, eine Zahl oder null sein</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a non-empty string</source>
        <translation>&quot;method&quot; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object or an array</source>
        <translation>&quot;params&quot; muss ein Objekt oder ein Array sein</translation>
    </message>
    <message>
        <source>a message needs &quot;method&quot;, &quot;result&quot; or &quot;error&quot;</source>
        <translation>eine Nachricht braucht &quot;method&quot;, &quot;result&quot; oder &quot;error&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not [address]:port</source>
        <translation>&quot;%1&quot; hat nicht die Form [address]:port</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not host:port</source>
        <translation>&quot;%1&quot; hat nicht die Form host:port</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid port (1-65535)</source>
        <translation>&quot;%1&quot; enthält keinen gültigen Port (1-65535)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host</source>
        <translation>&quot;%1&quot; enthält keinen Host</translation>
    </message>
    <message>
        <source>line %1: malformed section header &quot;%2&quot;</source>
        <translation>Zeile %1: fehlerhafte Abschnittsüberschrift &quot;%2&quot;</translation>
    </message>
    <message>
        <source>line %1: expected key = value, found &quot;%2&quot;</source>
        <translation>Zeile %1: Schlüssel = Wert erwartet, gefunden wurde &quot;%2&quot;</translation>
    </message>
    <message>
        <source>line %1: key outside of any [section]</source>
        <translation>Zeile %1: Schlüssel steht außerhalb eines [Abschnitts]</translation>
    </message>
    <message>
        <source>line %1: [%2] %3 is set twice</source>
        <translation>Zeile %1: [%2] %3 ist doppelt gesetzt</translation>
    </message>
    <message>
        <source>another postwardend (pid %1) is already running on this data directory (%2)</source>
        <translation>ein anderer postwardend (PID %1) läuft bereits mit diesem Datenverzeichnis (%2)</translation>
    </message>
    <message>
        <source>cannot create the lock file %1</source>
        <translation>die Sperrdatei %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>line %1: [%2] %3</source>
        <translation>Zeile %1: [%2] %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation>&quot;%1&quot; ist kein Hostname</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>&quot;%1&quot; muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of debug, info, notice, warning, error</source>
        <translation>&quot;%1&quot; ist keiner der Werte debug, info, notice, warning, error</translation>
    </message>
    <message>
        <source>line %1: unknown setting [%2] %3</source>
        <translation>Zeile %1: unbekannte Einstellung [%2] %3</translation>
    </message>
    <message>
        <source>[tls] cert and key must be set together</source>
        <translation>[tls] cert und key müssen zusammen gesetzt werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 failed its integrity check</source>
        <translation>%1 hat die Integritätsprüfung nicht bestanden</translation>
    </message>
    <message>
        <source>database error in &quot;%1&quot;: %2</source>
        <translation>Datenbankfehler in &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>&quot;%1&quot; muss true oder false sein</translation>
    </message>
</context>
<context>
    <name>StoreRecovery</name>
    <message>
        <source>Cannot write %1 to the disk: %2.</source>
        <translation>%1 kann nicht auf den Datenträger geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Postwarden mail service: SMTP, IMAP, queue and the control socket.</source>
        <translation>Postwarden-Maildienst: SMTP, IMAP, Warteschlange und Steuer-Socket.</translation>
    </message>
    <message>
        <source>Data directory (default: %1).</source>
        <translation>Datenverzeichnis (Standard: %1).</translation>
    </message>
    <message>
        <source>Configuration file (default: postwarden.conf in the data directory).</source>
        <translation>Konfigurationsdatei (Standard: postwarden.conf im Datenverzeichnis).</translation>
    </message>
    <message>
        <source>Stay in the foreground and log to standard error.</source>
        <translation>Im Vordergrund bleiben und das Protokoll auf die Standardfehlerausgabe schreiben.</translation>
    </message>
    <message>
        <source>received signal %1, shutting down</source>
        <translation>Signal %1 empfangen, wird beendet</translation>
    </message>
    <message>
        <source>Postwarden setup wizard and admin console.</source>
        <translation>Postwarden-Einrichtungsassistent und Verwaltungskonsole.</translation>
    </message>
    <message>
        <source>The service&apos;s data directory (default: %1).</source>
        <translation>Datenverzeichnis des Dienstes (Standard: %1).</translation>
    </message>
    <message>
        <source>Control socket of the service.</source>
        <translation>Steuer-Socket des Dienstes.</translation>
    </message>
    <message>
        <source>Do not start the service when it is not running.</source>
        <translation>Den Dienst nicht starten, wenn er nicht läuft.</translation>
    </message>
    <message>
        <source>Save a picture of the window once the service&apos;s status is shown, then quit.</source>
        <translation>Ein Bild des Fensters speichern, sobald der Status des Dienstes angezeigt wird, und dann beenden.</translation>
    </message>
    <message>
        <source>Open the setup wizard (it opens by itself on the first start).</source>
        <translation>Den Einrichtungsassistenten öffnen (beim ersten Start öffnet er sich von selbst).</translation>
    </message>
</context>
<context>
    <name>pw::app</name>
    <message>
        <source>The service did not answer: %1</source>
        <translation>Der Dienst hat nicht geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>pw::app::AliasListModel</name>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Delivers to</source>
        <translation>Zustellung an</translation>
    </message>
</context>
<context>
    <name>pw::app::DiagnosticsHistory</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a diagnostics history: %2</source>
        <translation>%1 ist kein Diagnoseverlauf: %2</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner für %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>pw::app::DiagnosticsRunner</name>
    <message>
        <source>The DNS servers cannot be used: %1</source>
        <translation>Die DNS-Server können nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>pw::app::DomainListModel</name>
    <message>
        <source>%1 (in DNS: %2)</source>
        <translation>%1 (im DNS: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>first mailbox</source>
        <translation>erstes Postfach</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Catch-all</source>
        <translation>Catch-all</translation>
    </message>
    <message>
        <source>Postmaster</source>
        <translation>Postmaster</translation>
    </message>
</context>
<context>
    <name>pw::app::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pw::app::MailboxListModel</name>
    <message>
        <source>%1, no limit</source>
        <translation>%1, unbegrenzt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Disabled: it receives no mail and cannot log in.</source>
        <translation>Deaktiviert: Es empfängt keine Mails und kann sich nicht anmelden.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>pw::app::RecordVerifier</name>
    <message>
        <source>The DNS servers cannot be used: %1</source>
        <translation>Die DNS-Server können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Records of type %1 cannot be looked up.</source>
        <translation>Einträge vom Typ %1 können nicht abgefragt werden.</translation>
    </message>
</context>
<context>
    <name>pw::app::ServiceManager</name>
    <message>
        <source>the service exited with code %1</source>
        <translation>der Dienst wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>pw::control::ControlClient</name>
    <message>
        <source>disconnected from the service</source>
        <translation>Verbindung zum Dienst getrennt</translation>
    </message>
    <message>
        <source>not connected to the service</source>
        <translation>nicht mit dem Dienst verbunden</translation>
    </message>
    <message>
        <source>the service sent a message larger than %1 bytes</source>
        <translation>der Dienst hat eine Nachricht mit mehr als %1 Bytes gesendet</translation>
    </message>
    <message>
        <source>the client has no methods</source>
        <translation>der Client stellt keine Methoden bereit</translation>
    </message>
    <message>
        <source>the service did not answer in time</source>
        <translation>der Dienst hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the connection to the service was lost</source>
        <translation>die Verbindung zum Dienst ist abgebrochen</translation>
    </message>
    <message>
        <source>no service is listening on %1</source>
        <translation>unter %1 ist kein Dienst erreichbar</translation>
    </message>
    <message>
        <source>permission denied on %1</source>
        <translation>keine Berechtigung für %1</translation>
    </message>
</context>
<context>
    <name>pw::ctl</name>
    <message>
        <source>%1d %2h %3m</source>
        <translation>%1 Tg. %2 Std. %3 Min.</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 Min. %2 Sek.</translation>
    </message>
    <message>
        <source>status takes no arguments</source>
        <translation>status erwartet keine Argumente</translation>
    </message>
    <message>
        <source>postwardend %1 running, pid %2, up %3</source>
        <translation>postwardend %1 läuft, PID %2, Laufzeit %3</translation>
    </message>
    <message>
        <source>  data directory: %1</source>
        <translation>  Datenverzeichnis: %1</translation>
    </message>
    <message>
        <source>  configuration:  %1</source>
        <translation>  Konfiguration:    %1</translation>
    </message>
    <message>
        <source>  host name:      %1</source>
        <translation>  Hostname:         %1</translation>
    </message>
    <message>
        <source>  listener:       %1 %2 (%3)</source>
        <translation>  Listener:         %1 %2 (%3)</translation>
    </message>
    <message>
        <source>  %1 %2</source>
        <translation>  %1 %2</translation>
    </message>
    <message>
        <source>--lines needs a number</source>
        <translation>--lines braucht eine Zahl</translation>
    </message>
    <message>
        <source>unknown argument to logs: %1</source>
        <translation>unbekanntes Argument für logs: %1</translation>
    </message>
    <message>
        <source>the service went away</source>
        <translation>der Dienst ist nicht mehr erreichbar</translation>
    </message>
    <message>
        <source>shutdown takes no arguments</source>
        <translation>shutdown erwartet keine Argumente</translation>
    </message>
    <message>
        <source>the service is shutting down</source>
        <translation>der Dienst wird beendet</translation>
    </message>
    <message>
        <source>show the service&apos;s version, uptime, listeners and counts</source>
        <translation>Version, Laufzeit, Listener und Zähler des Dienstes anzeigen</translation>
    </message>
    <message>
        <source>print recent log records; --follow keeps printing new ones</source>
        <translation>die letzten Protokolleinträge ausgeben; mit --follow werden auch neue laufend ausgegeben</translation>
    </message>
    <message>
        <source>stop the service cleanly</source>
        <translation>den Dienst sauber beenden</translation>
    </message>
    <message>
        <source>Usage: postwardenctl [--socket PATH | --data-dir DIR] [--json] COMMAND [ARGS]

Manages a running postwardend through its control socket.

Options:
  --socket PATH    control socket (default: control.sock in the data directory)
  --data-dir DIR   the service&apos;s data directory (default: %1)
  --json           print results as JSON
  -h, --help       show this help
  -v, --version    show the version

Commands:
</source>
        <translation>Aufruf: postwardenctl [--socket PATH | --data-dir DIR] [--json] COMMAND [ARGS]

Steuert einen laufenden postwardend über dessen Steuer-Socket.

Optionen:
  --socket PATH    Steuer-Socket (Standard: control.sock im Datenverzeichnis)
  --data-dir DIR   Datenverzeichnis des Dienstes (Standard: %1)
  --json           Ergebnisse als JSON ausgeben
  -h, --help       diese Hilfe anzeigen
  -v, --version    die Version anzeigen

Befehle:
</translation>
    </message>
    <message>
        <source>unknown option %1 (see --help)</source>
        <translation>unbekannte Option %1 (siehe --help)</translation>
    </message>
    <message>
        <source>no command given (see --help)</source>
        <translation>kein Befehl angegeben (siehe --help)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see --help)</source>
        <translation>unbekannter Befehl &quot;%1&quot; (siehe --help)</translation>
    </message>
    <message>
        <source>%1; is postwardend running? Start it with: postwardend --data-dir %2</source>
        <translation>%1; läuft postwardend? Starten Sie ihn mit: postwardend --data-dir %2</translation>
    </message>
    <message>
        <source>the message has no DKIM signature</source>
        <translation>die Nachricht hat keine DKIM-Signatur</translation>
    </message>
    <message>
        <source>body hash does not match: the message was changed after signing</source>
        <translation>der Hash des Nachrichtentexts stimmt nicht überein: die Nachricht wurde nach dem Signieren verändert</translation>
    </message>
    <message>
        <source>signature does not verify: the signed header fields were changed, or the key in DNS is not the one that signed</source>
        <translation>die Signatur ist ungültig: die signierten Kopfzeilen wurden verändert, oder der Schlüssel im DNS ist nicht der, mit dem signiert wurde</translation>
    </message>
    <message>
        <source>no key record was found at %1._domainkey.%2</source>
        <translation>unter %1._domainkey.%2 wurde kein Schlüsseleintrag gefunden</translation>
    </message>
    <message>
        <source>the key has been revoked (empty p= in the key record)</source>
        <translation>der Schlüssel wurde widerrufen (leeres p= im Schlüsseleintrag)</translation>
    </message>
    <message>
        <source>the key could not be fetched now (DNS failure); this may pass later</source>
        <translation>der Schlüssel konnte gerade nicht abgerufen werden (DNS-Fehler); später kann die Prüfung gelingen</translation>
    </message>
    <message>
        <source>the signature has expired (x= is in the past)</source>
        <translation>die Signatur ist abgelaufen (x= liegt in der Vergangenheit)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>SPF was not checked: a saved message does not tell which IP address sent it, so only DKIM can align with the From domain here.</source>
        <translation>SPF wurde nicht geprüft: Eine gespeicherte Nachricht verrät nicht, von welcher IP-Adresse sie gesendet wurde, daher kann hier nur DKIM zur From-Domain passen.</translation>
    </message>
    <message>
        <source>pass: DMARC passes for %1</source>
        <translation>pass: DMARC ist für %1 bestanden</translation>
    </message>
    <message>
        <source>pass: %1 publishes no DMARC policy, and a DKIM signature verifies</source>
        <translation>pass: %1 veröffentlicht keine DMARC-Richtlinie, und eine DKIM-Signatur ist gültig</translation>
    </message>
    <message>
        <source>fail: %1 publishes no DMARC policy, and no DKIM signature verifies</source>
        <translation>fail: %1 veröffentlicht keine DMARC-Richtlinie, und keine DKIM-Signatur ist gültig</translation>
    </message>
    <message>
        <source>fail: DMARC result is %1 for %2</source>
        <translation>fail: das DMARC-Ergebnis ist %1 für %2</translation>
    </message>
    <message>
        <source>DKIM %1  %2</source>
        <translation>DKIM %1  %2</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source> (the key is in testing mode)</source>
        <translation> (der Schlüssel ist im Testmodus)</translation>
    </message>
    <message>
        <source>DMARC %1  %2: policy %3 (record at %4: &quot;%5&quot;), DKIM aligned: %6, SPF aligned: %7, disposition: %8</source>
        <translation>DMARC %1  %2: Richtlinie %3 (Eintrag bei %4: &quot;%5&quot;), DKIM-Ausrichtung: %6, SPF-Ausrichtung: %7, Behandlung: %8</translation>
    </message>
    <message>
        <source>DMARC %1  %2: no DMARC policy applies</source>
        <translation>DMARC %1  %2: keine DMARC-Richtlinie anwendbar</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>--dns-server needs HOST:PORT</source>
        <translation>--dns-server braucht HOST:PORT</translation>
    </message>
    <message>
        <source>verify: unknown option %1</source>
        <translation>verify: unbekannte Option %1</translation>
    </message>
    <message>
        <source>verify takes one message file</source>
        <translation>verify erwartet genau eine Nachrichtendatei</translation>
    </message>
    <message>
        <source>usage: postwardenctl verify FILE [--dns-server HOST:PORT] [--json]</source>
        <translation>Aufruf: postwardenctl verify FILE [--dns-server HOST:PORT] [--json]</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a message: its header section cannot be parsed</source>
        <translation>%1 ist keine E-Mail-Nachricht: der Kopfbereich kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 has no From field, so DMARC cannot be evaluated</source>
        <translation>%1 hat kein From-Feld, daher kann DMARC nicht ausgewertet werden</translation>
    </message>
    <message>
        <source>the From field of %1 holds no address with a domain</source>
        <translation>das From-Feld von %1 enthält keine Adresse mit Domain</translation>
    </message>
    <message>
        <source>--dns-server: %1</source>
        <translation>--dns-server: %1</translation>
    </message>
    <message>
        <source>verifies the DKIM signatures and DMARC alignment of a saved message, without a running service</source>
        <translation>prüft die DKIM-Signaturen und die DMARC-Ausrichtung einer gespeicherten Nachricht, ohne laufenden Dienst</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>WARN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>????</source>
        <translation>????</translation>
    </message>
    <message>
        <source>Mail exchangers (MX)</source>
        <translation>Mailserver der Domain (MX)</translation>
    </message>
    <message>
        <source>Sender policy (SPF)</source>
        <translation>Absenderrichtlinie (SPF)</translation>
    </message>
    <message>
        <source>Signing keys (DKIM)</source>
        <translation>Signaturschlüssel (DKIM)</translation>
    </message>
    <message>
        <source>Domain policy (DMARC)</source>
        <translation>Domain-Richtlinie (DMARC)</translation>
    </message>
    <message>
        <source>Ports and connectivity</source>
        <translation>Ports und Erreichbarkeit</translation>
    </message>
    <message>
        <source>TLS certificates</source>
        <translation>TLS-Zertifikate</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Lösung: %1</translation>
    </message>
    <message>
        <source>Summary: %1 passed, %2 warnings, %3 failed, %4 could not tell, %5 notes</source>
        <translation>Zusammenfassung: %1 in Ordnung, %2 Warnungen, %3 fehlgeschlagen, %4 nicht feststellbar, %5 Hinweise</translation>
    </message>
    <message>
        <source>%1 holds no PEM key: %2</source>
        <translation>%1 enthält keinen PEM-Schlüssel: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>usage: postwardenctl check --domain D [--ip IP]... [--hostname H] [--dns-server HOST:PORT] [--dns-only] [--json] [--dkim-selector SEL --dkim-key FILE.pem]... [--outbound-target HOST] [--outbound-port PORT] [--ports 25,465,587,993] [--listener ROLE=HOST:PORT]... [--timeout SECONDS]</source>
        <translation>Aufruf: postwardenctl check --domain D [--ip IP]... [--hostname H] [--dns-server HOST:PORT] [--dns-only] [--json] [--dkim-selector SEL --dkim-key FILE.pem]... [--outbound-target HOST] [--outbound-port PORT] [--ports 25,465,587,993] [--listener ROLE=HOST:PORT]... [--timeout SECONDS]</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>check: unexpected argument %1</source>
        <translation>check: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>--ip: %1 is not an IP address</source>
        <translation>--ip: %1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>%1: %2 is not a valid number</source>
        <translation>%1: %2 ist keine gültige Zahl</translation>
    </message>
    <message>
        <source>--ports: %1 is not a port</source>
        <translation>--ports: %1 ist kein Port</translation>
    </message>
    <message>
        <source>--listener wants ROLE=HOST:PORT, got %1</source>
        <translation>--listener erwartet ROLE=HOST:PORT, erhalten: %1</translation>
    </message>
    <message>
        <source>--dkim-key needs a --dkim-selector before it</source>
        <translation>--dkim-key braucht davor ein --dkim-selector</translation>
    </message>
    <message>
        <source>check: unknown option %1</source>
        <translation>check: unbekannte Option %1</translation>
    </message>
    <message>
        <source>--dkim-selector %1 needs a --dkim-key FILE.pem after it</source>
        <translation>--dkim-selector %1 braucht danach ein --dkim-key FILE.pem</translation>
    </message>
    <message>
        <source>[%1/%2] %3</source>
        <translation>[%1/%2] %3</translation>
    </message>
    <message>
        <source>checks DNS records, ports, outbound SMTP and TLS certificates of a mail domain, without a running service; exits 1 when anything fails</source>
        <translation>prüft DNS-Einträge, Ports, ausgehendes SMTP und TLS-Zertifikate einer Mail-Domain, ohne laufenden Dienst; endet mit 1, wenn etwas fehlschlägt</translation>
    </message>
    <message>
        <source>certificate: %1 (issuer: %2)</source>
        <translation>Zertifikat: %1 (Aussteller: %2)</translation>
    </message>
    <message>
        <source>expires: %1 (%2 days)</source>
        <translation>läuft ab: %1 (%2 Tage)</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>selbst signiert</translation>
    </message>
    <message>
        <source>verification: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>not every port answered</source>
        <translation>nicht jeder Port hat geantwortet</translation>
    </message>
    <message>
        <source>probe: unknown option %1</source>
        <translation>probe: unbekannte Option %1</translation>
    </message>
    <message>
        <source>probe takes one host</source>
        <translation>probe erwartet genau einen Host</translation>
    </message>
    <message>
        <source>usage: postwardenctl probe HOST [--ports 25,465,587,993] [--timeout SECONDS] [--json]</source>
        <translation>Aufruf: postwardenctl probe HOST [--ports 25,465,587,993] [--timeout SECONDS] [--json]</translation>
    </message>
    <message>
        <source>connects from this machine to HOST&apos;s mail ports and shows banners and certificates; run it on another machine to see the server from outside</source>
        <translation>verbindet sich von diesem Rechner mit den Mail-Ports von HOST und zeigt Begrüßungen (Banner) und Zertifikate; führen Sie es auf einem anderen Rechner aus, um den Server von außen zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>DKIM: %n further signature(s) were not evaluated</source>
        <translation>
            <numerusform>DKIM: %n weitere Signatur wurde nicht ausgewertet</numerusform>
            <numerusform>DKIM: %n weitere Signaturen wurden nicht ausgewertet</numerusform>
        </translation>
    </message>
    <message>
        <source>Public IP address</source>
        <translation>Öffentliche IP-Adresse</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Reverse DNS (PTR)</source>
        <translation>Reverse-DNS (PTR)</translation>
    </message>
    <message>
        <source>IP blocklists</source>
        <translation>IP-Sperrlisten</translation>
    </message>
    <message>
        <source>Domain blocklists</source>
        <translation>Domain-Sperrlisten</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>usage: postwardenctl %1</source>
        <translation>Aufruf: postwardenctl %1</translation>
    </message>
    <message>
        <source>domain %1 added; publish its DKIM records (&quot;postwardenctl records %1&quot; prints every record the domain needs):</source>
        <translation>Domain %1 hinzugefügt; veröffentlichen Sie ihre DKIM-Einträge (&quot;postwardenctl records %1&quot; gibt alle Einträge aus, die die Domain braucht):</translation>
    </message>
    <message>
        <source>domain %1 removed</source>
        <translation>Domain %1 entfernt</translation>
    </message>
    <message>
        <source>quota %1, used %2</source>
        <translation>Kontingent %1, belegt %2</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>--quota needs a size such as 500M, 2G or 0 (unlimited)</source>
        <translation>--quota braucht eine Größe wie 500M, 2G oder 0 (unbegrenzt)</translation>
    </message>
    <message>
        <source>usage: postwardenctl mailbox add ADDRESS [--quota SIZE] (password on stdin)</source>
        <translation>Aufruf: postwardenctl mailbox add ADDRESS [--quota SIZE] (Passwort über stdin)</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>no password: give it as the first line on standard input</source>
        <translation>kein Passwort: Geben Sie es als erste Zeile auf der Standardeingabe ein</translation>
    </message>
    <message>
        <source>mailbox %1 added</source>
        <translation>Postfach %1 angelegt</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Neues Passwort für %1: </translation>
    </message>
    <message>
        <source>password of %1 changed</source>
        <translation>Passwort von %1 geändert</translation>
    </message>
    <message>
        <source>mailbox %1 removed</source>
        <translation>Postfach %1 entfernt</translation>
    </message>
    <message>
        <source>mailbox %1 disabled</source>
        <translation>Postfach %1 deaktiviert</translation>
    </message>
    <message>
        <source>mailbox %1 enabled</source>
        <translation>Postfach %1 aktiviert</translation>
    </message>
    <message>
        <source>the quota must be a size such as 500M, 2G or 0 (unlimited)</source>
        <translation>das Kontingent muss eine Größe wie 500M, 2G oder 0 (unbegrenzt) sein</translation>
    </message>
    <message>
        <source>quota of %1: %2</source>
        <translation>Kontingent von %1: %2</translation>
    </message>
    <message>
        <source>alias %1 → %2</source>
        <translation>Alias %1 → %2</translation>
    </message>
    <message>
        <source>alias %1 removed</source>
        <translation>Alias %1 entfernt</translation>
    </message>
    <message>
        <source>removed %2 from alias %1</source>
        <translation>%2 aus Alias %1 entfernt</translation>
    </message>
    <message>
        <source>mail for unknown addresses of %1 goes to %2</source>
        <translation>Mails an unbekannte Adressen von %1 gehen an %2</translation>
    </message>
    <message>
        <source>catch-all of %1 cleared</source>
        <translation>Catch-all-Adresse von %1 entfernt</translation>
    </message>
    <message>
        <source>postmaster@ and abuse@ of %1 go to %2</source>
        <translation>postmaster@ und abuse@ von %1 gehen an %2</translation>
    </message>
    <message>
        <source>%1 %2 %3, created %4</source>
        <translation>%1 %2 %3, erstellt %4</translation>
    </message>
    <message>
        <source>, retired %1</source>
        <translation>, stillgelegt %1</translation>
    </message>
    <message>
        <source>new keys made for %1; publish their records now and run &quot;postwardenctl dkim activate %1&quot; once they are in DNS (wait a few days):</source>
        <translation>neue Schlüssel für %1 erzeugt; veröffentlichen Sie jetzt ihre Einträge und führen Sie &quot;postwardenctl dkim activate %1&quot; aus, sobald sie im DNS stehen (warten Sie einige Tage):</translation>
    </message>
    <message>
        <source>the newest keys of %1 sign now; keep the old records published for two weeks:</source>
        <translation>die neuesten Schlüssel von %1 signieren jetzt; lassen Sie die alten Einträge noch zwei Wochen veröffentlicht:</translation>
    </message>
    <message>
        <source>; records to publish:</source>
        <translation>; zu veröffentlichende Einträge:</translation>
    </message>
    <message>
        <source>manage the domains this server receives mail for (add makes their DKIM keys)</source>
        <translation>die Domains verwalten, für die dieser Server Mails empfängt (add erzeugt ihre DKIM-Schlüssel)</translation>
    </message>
    <message>
        <source>manage mailboxes; add and passwd read the password from the first line of standard input</source>
        <translation>Postfächer verwalten; add und passwd lesen das Passwort aus der ersten Zeile der Standardeingabe</translation>
    </message>
    <message>
        <source>manage aliases (&apos;*&apos; in ALIAS matches any text)</source>
        <translation>Aliasse verwalten (&apos;*&apos; in ALIAS passt auf beliebigen Text)</translation>
    </message>
    <message>
        <source>send mail for unknown addresses of a domain to TARGET</source>
        <translation>Mails an unbekannte Adressen einer Domain an TARGET weiterleiten</translation>
    </message>
    <message>
        <source>choose the mailbox that gets postmaster@ and abuse@ of a domain</source>
        <translation>das Postfach wählen, das die Mails an postmaster@ und abuse@ einer Domain erhält</translation>
    </message>
    <message>
        <source>show a domain&apos;s DKIM keys and records, start a key rotation, or let the new keys sign</source>
        <translation>die DKIM-Schlüssel und -Einträge einer Domain anzeigen, einen Schlüsselwechsel beginnen oder die neuen Schlüssel signieren lassen</translation>
    </message>
    <message>
        <source>certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <source>  subject:     %1</source>
        <translation>  Inhaber:         %1</translation>
    </message>
    <message>
        <source>  issuer:      %1</source>
        <translation>  Aussteller:      %1</translation>
    </message>
    <message>
        <source>  expires:     %1</source>
        <translation>  läuft ab:        %1</translation>
    </message>
    <message>
        <source>  sha256:      %1</source>
        <translation>  sha256:          %1</translation>
    </message>
    <message>
        <source>  self-signed: clients will warn until a certificate from a CA is configured ([tls] cert, key)</source>
        <translation>  selbst signiert: Mailprogramme warnen, bis ein Zertifikat einer Zertifizierungsstelle eingerichtet ist ([tls] cert, key)</translation>
    </message>
    <message>
        <source>usage: tls show | tls reload</source>
        <translation>Aufruf: tls show | tls reload</translation>
    </message>
    <message>
        <source>show the certificate the mail listeners use, or read it again from disk</source>
        <translation>das Zertifikat anzeigen, das die Mail-Listener verwenden, oder es neu von der Festplatte lesen</translation>
    </message>
    <message>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <source>host name in use:         %1</source>
        <translation>verwendeter Hostname:              %1</translation>
    </message>
    <message>
        <source>public addresses in use:  %1</source>
        <translation>verwendete öffentliche Adressen:   %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>DNS servers in use:       %1</source>
        <translation>verwendete DNS-Server:             %1</translation>
    </message>
    <message>
        <source>the system&apos;s resolvers</source>
        <translation>die Resolver des Systems</translation>
    </message>
    <message>
        <source>error in the file: %1</source>
        <translation>Fehler in der Datei: %1</translation>
    </message>
    <message>
        <source>the file has changes that take effect when postwardend is restarted</source>
        <translation>die Datei enthält Änderungen, die erst nach einem Neustart von postwardend wirksam werden</translation>
    </message>
    <message>
        <source>usage: config show [--json]</source>
        <translation>Aufruf: config show [--json]</translation>
    </message>
    <message>
        <source>expected section.key=value, found &quot;%1&quot;</source>
        <translation>section.key=value erwartet, gefunden wurde &quot;%1&quot;</translation>
    </message>
    <message>
        <source>usage: config set section.key=value...</source>
        <translation>Aufruf: config set section.key=value...</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>geändert: %1</translation>
    </message>
    <message>
        <source>restart postwardend for the change to take effect</source>
        <translation>starten Sie postwardend neu, damit die Änderung wirksam wird</translation>
    </message>
    <message>
        <source>usage: config show [--json] | config set section.key=value...</source>
        <translation>Aufruf: config show [--json] | config set section.key=value...</translation>
    </message>
    <message>
        <source>show the configuration, or change settings in the config file (comments are kept)</source>
        <translation>die Konfiguration anzeigen oder Einstellungen in der Konfigurationsdatei ändern (Kommentare bleiben erhalten)</translation>
    </message>
    <message>
        <source>today: %1 received, %2 sent, %3 rejected</source>
        <translation>heute: %1 empfangen, %2 gesendet, %3 abgelehnt</translation>
    </message>
    <message>
        <source>queue: %1 message(s)</source>
        <translation>Warteschlange: %1 Nachricht(en)</translation>
    </message>
    <message>
        <source>queue: none yet (no outbound delivery)</source>
        <translation>Warteschlange: noch keine (kein ausgehender Versand)</translation>
    </message>
    <message>
        <source>hour (local)        received      sent  rejected</source>
        <translation>Stunde (lokal)     empfangen  gesendet abgelehnt</translation>
    </message>
    <message>
        <source>usage: stats [--json]</source>
        <translation>Aufruf: stats [--json]</translation>
    </message>
    <message>
        <source>mail received, sent and rejected today and in each of the last 24 hours</source>
        <translation>heute und in jeder der letzten 24 Stunden empfangene, gesendete und abgelehnte Mails</translation>
    </message>
    <message>
        <source>usage: postwardenctl test-message --from ADDRESS [--with-checks] [--message] [--json]</source>
        <translation>Aufruf: postwardenctl test-message --from ADRESSE [--with-checks] [--message] [--json]</translation>
    </message>
    <message>
        <source>Test message from %1</source>
        <translation>Testnachricht von %1</translation>
    </message>
    <message>
        <source>SPF:   %1</source>
        <translation>SPF:   %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>DKIM:  %1</source>
        <translation>DKIM:  %1</translation>
    </message>
    <message>
        <source>(d=%1 s=%2)</source>
        <translation>(d=%1 s=%2)</translation>
    </message>
    <message>
        <source>DMARC: %1</source>
        <translation>DMARC: %1</translation>
    </message>
    <message>
        <source>(policy %1)</source>
        <translation>(Richtlinie %1)</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Nicht signiert: %1</translation>
    </message>
    <message>
        <source>Score: %1 / 10</source>
        <translation>Bewertung: %1 / 10</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Nothing to improve.</source>
        <translation>Nichts zu verbessern.</translation>
    </message>
    <message>
        <source>SPF, DKIM and DMARC of a test message from one of your addresses, as a receiving server sees them; with --with-checks also the diagnostics and a deliverability score out of 10</source>
        <translation>SPF, DKIM und DMARC einer Testnachricht von einer Ihrer Adressen, wie ein empfangender Server sie sieht; mit --with-checks auch die Diagnose und eine Zustellbarkeitsbewertung von 10 Punkten</translation>
    </message>
    <message>
        <source>print every DNS record the domain needs, with this server&apos;s keys, host name and addresses; with --verify, look each up and compare it with what DNS holds</source>
        <translation>gibt jeden DNS-Eintrag aus, den die Domain braucht, mit den Schlüsseln, dem Hostnamen und den Adressen dieses Servers; mit --verify wird jeder nachgeschlagen und mit dem verglichen, was im DNS steht</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>FEHLT</translation>
    </message>
    <message>
        <source>DIFFERENT</source>
        <translation>ANDERS</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNKLAR</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>expected: %1</source>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <source>found:    %1</source>
        <translation>gefunden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n required record(s) not in DNS yet</source>
        <translation>
            <numerusform>%n erforderlicher Eintrag ist noch nicht im DNS</numerusform>
            <numerusform>%n erforderliche Einträge sind noch nicht im DNS</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pw::diag</name>
    <message>
        <source>Spamhaus: typing error in the blocklist name</source>
        <translation>Spamhaus: Tippfehler im Namen der Sperrliste</translation>
    </message>
    <message>
        <source>Spamhaus: query via a public/open resolver refused</source>
        <translation>Spamhaus: Abfrage über einen öffentlichen/offenen Resolver abgelehnt</translation>
    </message>
    <message>
        <source>Spamhaus: excessive number of queries</source>
        <translation>Spamhaus: zu viele Abfragen</translation>
    </message>
    <message>
        <source>Spamhaus: query refused</source>
        <translation>Spamhaus: Abfrage abgelehnt</translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known source of spam</source>
        <translation>Spamhaus SBL: eine bekannte Spam-Quelle</translation>
    </message>
    <message>
        <source>Spamhaus SBL CSS: sent spam recently (snowshoe spam or a compromised server)</source>
        <translation>Spamhaus SBL CSS: hat kürzlich Spam verschickt (Snowshoe-Spam oder ein kompromittierter Server)</translation>
    </message>
    <message>
        <source>Spamhaus XBL/CBL: the address sends from malware-infected or hijacked machines</source>
        <translation>Spamhaus XBL/CBL: von der Adresse senden mit Schadsoftware infizierte oder gekaperte Rechner</translation>
    </message>
    <message>
        <source>Spamhaus DROP: a hijacked network controlled by criminals</source>
        <translation>Spamhaus DROP: ein gekapertes Netz unter der Kontrolle von Kriminellen</translation>
    </message>
    <message>
        <source>Spamhaus PBL (listed by the provider): an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL (vom Provider eingetragen): eine Endkunden-Adresse, die keine Mails direkt versenden sollte</translation>
    </message>
    <message>
        <source>Spamhaus PBL (listed by Spamhaus): an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL (von Spamhaus eingetragen): eine Endkunden-Adresse, die keine Mails direkt versenden sollte</translation>
    </message>
    <message>
        <source>Spamhaus: listed (code 127.0.0.%1)</source>
        <translation>Spamhaus: gelistet (Code 127.0.0.%1)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: a spam domain</source>
        <translation>Spamhaus DBL: eine Spam-Domain</translation>
    </message>
    <message>
        <source>Spamhaus DBL: a phishing domain</source>
        <translation>Spamhaus DBL: eine Phishing-Domain</translation>
    </message>
    <message>
        <source>Spamhaus DBL: a malware domain</source>
        <translation>Spamhaus DBL: eine Schadsoftware-Domain</translation>
    </message>
    <message>
        <source>Spamhaus DBL: a botnet command and control domain</source>
        <translation>Spamhaus DBL: eine Steuer-Domain eines Botnetzes (Command and Control)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: abused legitimate domain (spam)</source>
        <translation>Spamhaus DBL: missbrauchte legitime Domain (Spam)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: abused legitimate domain (spammed redirector)</source>
        <translation>Spamhaus DBL: missbrauchte legitime Domain (per Spam beworbene Weiterleitung)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: abused legitimate domain (phishing)</source>
        <translation>Spamhaus DBL: missbrauchte legitime Domain (Phishing)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: abused legitimate domain (malware)</source>
        <translation>Spamhaus DBL: missbrauchte legitime Domain (Schadsoftware)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: abused legitimate domain (botnet command and control)</source>
        <translation>Spamhaus DBL: missbrauchte legitime Domain (Botnetz-Steuerung)</translation>
    </message>
    <message>
        <source>Spamhaus DBL: IP queries prohibited</source>
        <translation>Spamhaus DBL: IP-Abfragen nicht erlaubt</translation>
    </message>
    <message>
        <source>Spamhaus DBL: listed (code 127.0.1.%1)</source>
        <translation>Spamhaus DBL: gelistet (Code 127.0.1.%1)</translation>
    </message>
    <message>
        <source>Use your own resolver (not a large public one such as 8.8.8.8 or 1.1.1.1), or a Spamhaus DQS key, and run the check again.</source>
        <translation>Verwenden Sie einen eigenen Resolver (keinen großen öffentlichen wie 8.8.8.8 oder 1.1.1.1) oder einen Spamhaus-DQS-Schlüssel und führen Sie die Prüfung erneut aus.</translation>
    </message>
    <message>
        <source>Domain blocklist %1</source>
        <translation>Domain-Sperrliste %1</translation>
    </message>
    <message>
        <source>IP blocklist %1</source>
        <translation>IP-Sperrliste %1</translation>
    </message>
    <message>
        <source>%1: not checked, %2 only lists IPv4 addresses</source>
        <translation>%1: nicht geprüft, %2 führt nur IPv4-Adressen</translation>
    </message>
    <message>
        <source>Receiving servers look up the domains in a message on this list and reject or junk mail that mentions a listed one. %1</source>
        <translation>Empfangende Server schlagen die Domains in einer Nachricht in dieser Liste nach und lehnen Mails ab oder sortieren sie als Spam aus, wenn sie eine gelistete Domain erwähnen. %1</translation>
    </message>
    <message>
        <source>Receiving servers ask this list about the address that connects to them, and many refuse mail from a listed address. %1</source>
        <translation>Empfangende Server fragen diese Liste nach der Adresse, die sich mit ihnen verbindet, und viele lehnen Mails von einer gelisteten Adresse ab. %1</translation>
    </message>
    <message>
        <source>Find and stop what got the domain listed (a hacked website or mailbox, a compromised form), then request removal at the list&apos;s website (for Spamhaus: https://check.spamhaus.org/).</source>
        <translation>Finden und beheben Sie die Ursache für den Eintrag (eine gehackte Website oder ein gehacktes Postfach, ein missbrauchtes Formular) und beantragen Sie dann die Entfernung auf der Website der Liste (bei Spamhaus: https://check.spamhaus.org/).</translation>
    </message>
    <message>
        <source>Find the cause first (an infected machine or a hacked account behind the same address, an open relay), then request removal at the list&apos;s website (for Spamhaus: https://check.spamhaus.org/). For a PBL listing, use a relay or get a static business address.</source>
        <translation>Finden Sie zuerst die Ursache (ein infizierter Rechner oder ein gehacktes Konto hinter derselben Adresse, ein offenes Relay) und beantragen Sie dann die Entfernung auf der Website der Liste (bei Spamhaus: https://check.spamhaus.org/). Bei einem PBL-Eintrag verwenden Sie ein Relay (Smarthost) oder besorgen Sie sich eine feste Geschäftskunden-Adresse.</translation>
    </message>
    <message>
        <source>Listed on %1: %2.</source>
        <translation>Gelistet auf %1: %2.</translation>
    </message>
    <message>
        <source>Could not tell: %1 refused the query from your resolver.</source>
        <translation>Nicht feststellbar: %1 hat die Abfrage Ihres Resolvers abgelehnt.</translation>
    </message>
    <message>
        <source>Your resolver is refused, the result is unknown. %1</source>
        <translation>Ihr Resolver wird abgewiesen, das Ergebnis ist unbekannt. %1</translation>
    </message>
    <message>
        <source>Not checked: %1 only lists IPv4 addresses.</source>
        <translation>Nicht geprüft: %1 führt nur IPv4-Adressen.</translation>
    </message>
    <message>
        <source>The server has only IPv6 addresses, which this list does not cover.</source>
        <translation>Der Server hat nur IPv6-Adressen, die diese Liste nicht abdeckt.</translation>
    </message>
    <message>
        <source>Not listed on %1.</source>
        <translation>Nicht gelistet auf %1.</translation>
    </message>
    <message>
        <source>The list does not name %1.</source>
        <translation>Die Liste führt %1 nicht.</translation>
    </message>
    <message>
        <source>unexpected answer %1 (not 127.x.x.x: your resolver may rewrite negative answers)</source>
        <translation>unerwartete Antwort %1 (nicht 127.x.x.x: Ihr Resolver schreibt möglicherweise negative Antworten um)</translation>
    </message>
    <message>
        <source>error code %1 of the list</source>
        <translation>Fehlercode %1 der Liste</translation>
    </message>
    <message>
        <source>the list answered 127.0.0.1 (query not allowed)</source>
        <translation>die Liste antwortete 127.0.0.1 (Abfrage nicht erlaubt)</translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation>gelistet (Code %1)</translation>
    </message>
    <message>
        <source>Blocklists</source>
        <translation>Sperrlisten</translation>
    </message>
    <message>
        <source>the server&apos;s public address is not known.</source>
        <translation>die öffentliche Adresse des Servers ist nicht bekannt.</translation>
    </message>
    <message>
        <source>no mail domain is set.</source>
        <translation>es ist keine Mail-Domain eingestellt.</translation>
    </message>
    <message>
        <source>the name exists but has no such record</source>
        <translation>der Name existiert, hat aber keinen solchen Eintrag</translation>
    </message>
    <message>
        <source>the name does not exist (NXDOMAIN)</source>
        <translation>der Name existiert nicht (NXDOMAIN)</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>der DNS-Server konnte nicht antworten (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused to answer (REFUSED)</source>
        <translation>der DNS-Server hat die Antwort verweigert (REFUSED)</translation>
    </message>
    <message>
        <source>no answer in time (timeout)</source>
        <translation>keine rechtzeitige Antwort (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>the lookup failed</source>
        <translation>die Abfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not tell: the DNS lookup of %1 %2 failed.</source>
        <translation>Nicht feststellbar: die DNS-Abfrage von %1 %2 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The DNS did not give a definite answer, so this cannot be judged either way. This is often a passing problem of a DNS server; it is not a verdict on your records.</source>
        <translation>Das DNS hat keine eindeutige Antwort geliefert, daher lässt sich das weder so noch so beurteilen. Oft ist das ein vorübergehendes Problem eines DNS-Servers; es ist kein Urteil über Ihre Einträge.</translation>
    </message>
    <message>
        <source>Run the check again in a few minutes. If it keeps failing, make sure the name servers of your domain are up and answer for %1.</source>
        <translation>Führen Sie die Prüfung in ein paar Minuten erneut aus. Wenn sie weiter fehlschlägt, stellen Sie sicher, dass die Nameserver Ihrer Domain laufen und für %1 antworten.</translation>
    </message>
    <message>
        <source>This was not checked because an earlier check of the same record failed; fix that one first.</source>
        <translation>Dies wurde nicht geprüft, weil eine frühere Prüfung desselben Eintrags fehlgeschlagen ist; beheben Sie zuerst diese.</translation>
    </message>
    <message>
        <source>Publish this DNS record:
  name:  %1
  type:  %2
  value: %3</source>
        <translation>Veröffentlichen Sie diesen DNS-Eintrag:
  Name:  %1
  Typ:   %2
  Wert:  %3</translation>
    </message>
    <message>
        <source>DKIM key &quot;%1&quot;</source>
        <translation>DKIM-Schlüssel „%1“</translation>
    </message>
    <message>
        <source>This server signs outgoing mail with a DKIM key; receivers check the signature against the public key published at %1. If the record is missing or holds another key, the signatures fail and your mail is likely to be rejected or put in spam.</source>
        <translation>Dieser Server signiert ausgehende Mails mit einem DKIM-Schlüssel; Empfänger prüfen die Signatur mit dem öffentlichen Schlüssel, der unter %1 veröffentlicht ist. Fehlt der Eintrag oder enthält er einen anderen Schlüssel, schlagen die Signaturen fehl und Ihre Mails werden wahrscheinlich abgelehnt oder landen im Spam.</translation>
    </message>
    <message>
        <source>The DKIM key record %1 is missing.</source>
        <translation>Der DKIM-Schlüsseleintrag %1 fehlt.</translation>
    </message>
    <message>
        <source>There are %1 TXT records at %2; there must be one.</source>
        <translation>Unter %2 gibt es %1 TXT-Einträge; es darf nur einen geben.</translation>
    </message>
    <message>
        <source>Delete the other records. %1</source>
        <translation>Löschen Sie die anderen Einträge. %1</translation>
    </message>
    <message>
        <source>The DKIM key record is invalid: %1.</source>
        <translation>Der DKIM-Schlüsseleintrag ist ungültig: %1.</translation>
    </message>
    <message>
        <source>Replace it. %1</source>
        <translation>Ersetzen Sie ihn. %1</translation>
    </message>
    <message>
        <source>The DKIM key record says the key is revoked (empty p=).</source>
        <translation>Laut DKIM-Schlüsseleintrag ist der Schlüssel widerrufen (leeres p=).</translation>
    </message>
    <message>
        <source>The DKIM key record is for a %1 key, but this server signs with %2.</source>
        <translation>Der DKIM-Schlüsseleintrag gilt für einen %1-Schlüssel, aber dieser Server signiert mit %2.</translation>
    </message>
    <message>
        <source>The DKIM key record holds a different key than this server signs with.</source>
        <translation>Der DKIM-Schlüsseleintrag enthält einen anderen Schlüssel als den, mit dem dieser Server signiert.</translation>
    </message>
    <message>
        <source>Replace the value with the current key. %1</source>
        <translation>Ersetzen Sie den Wert durch den aktuellen Schlüssel. %1</translation>
    </message>
    <message>
        <source>RSA keys shorter than 2048 bits can be broken with enough computing power; RFC 8301 requires at least 1024 bits and recommends 2048. Receivers ignore signatures made with shorter keys.</source>
        <translation>RSA-Schlüssel mit weniger als 2048 Bit lassen sich mit genug Rechenleistung knacken; RFC 8301 verlangt mindestens 1024 Bit und empfiehlt 2048. Empfänger ignorieren Signaturen mit kürzeren Schlüsseln.</translation>
    </message>
    <message>
        <source>Generate a new RSA key of 2048 bits (or an Ed25519 key) under a new selector, publish it, then switch signing to it.</source>
        <translation>Erzeugen Sie einen neuen RSA-Schlüssel mit 2048 Bit (oder einen Ed25519-Schlüssel) unter einem neuen Selektor, veröffentlichen Sie ihn und stellen Sie dann das Signieren darauf um.</translation>
    </message>
    <message>
        <source>The DKIM key has only %1 bits; receivers ignore it.</source>
        <translation>Der DKIM-Schlüssel hat nur %1 Bit; Empfänger ignorieren ihn.</translation>
    </message>
    <message>
        <source>The DKIM key has %1 bits; 2048 are recommended.</source>
        <translation>Der DKIM-Schlüssel hat %1 Bit; empfohlen sind 2048.</translation>
    </message>
    <message>
        <source>The DKIM key is right, but the p= value contains spaces.</source>
        <translation>Der DKIM-Schlüssel stimmt, aber der Wert von p= enthält Leerzeichen.</translation>
    </message>
    <message>
        <source>Spaces inside the key usually come from copying and pasting it. The standard allows them, but some receivers and DNS providers do not handle them, and the signatures then fail there.</source>
        <translation>Leerzeichen im Schlüssel entstehen meist beim Kopieren und Einfügen. Der Standard erlaubt sie, aber manche Empfänger und DNS-Anbieter kommen damit nicht zurecht, und dort schlagen die Signaturen dann fehl.</translation>
    </message>
    <message>
        <source>Publish the value again without spaces. %1</source>
        <translation>Veröffentlichen Sie den Wert erneut ohne Leerzeichen. %1</translation>
    </message>
    <message>
        <source>The DKIM key record %1 matches this server&apos;s key.</source>
        <translation>Der DKIM-Schlüsseleintrag %1 passt zum Schlüssel dieses Servers.</translation>
    </message>
    <message>
        <source>DKIM keys</source>
        <translation>DKIM-Schlüssel</translation>
    </message>
    <message>
        <source>No DKIM keys configured to check.</source>
        <translation>Es sind keine DKIM-Schlüssel zum Prüfen eingerichtet.</translation>
    </message>
    <message>
        <source>DKIM signatures prove that mail really comes from your domain. No signing key is configured, so there is no record to compare.</source>
        <translation>DKIM-Signaturen belegen, dass eine Mail wirklich von Ihrer Domain stammt. Es ist kein Signaturschlüssel eingerichtet, daher gibt es keinen Eintrag zum Vergleichen.</translation>
    </message>
    <message>
        <source>DMARC record</source>
        <translation>DMARC-Eintrag</translation>
    </message>
    <message>
        <source>DMARC policy</source>
        <translation>DMARC-Richtlinie</translation>
    </message>
    <message>
        <source>DMARC reports</source>
        <translation>DMARC-Berichte</translation>
    </message>
    <message>
        <source>The DMARC policy is &quot;none&quot;: monitoring only.</source>
        <translation>Die DMARC-Richtlinie ist „none“: nur Beobachtung.</translation>
    </message>
    <message>
        <source>Forged mail goes to the spam folder (p=quarantine).</source>
        <translation>Gefälschte Mails landen im Spam-Ordner (p=quarantine).</translation>
    </message>
    <message>
        <source>When the reports show that all your mail passes, tighten the policy. %1</source>
        <translation>Wenn die Berichte zeigen, dass alle Ihre Mails die Prüfung bestehen, verschärfen Sie die Richtlinie. %1</translation>
    </message>
    <message>
        <source>Forged mail is refused (p=reject).</source>
        <translation>Gefälschte Mails werden abgelehnt (p=reject).</translation>
    </message>
    <message>
        <source>The DMARC record tells receivers what to do with mail that claims to come from %1 but fails both SPF and DKIM, and where to send reports about it. Large providers expect one; without it your mail is more likely to be treated as spam and forgers have an easy time.</source>
        <translation>Der DMARC-Eintrag sagt Empfängern, was sie mit Mails tun sollen, die angeblich von %1 stammen, aber weder SPF noch DKIM bestehen, und wohin sie Berichte darüber schicken sollen. Große Anbieter erwarten ihn; ohne ihn werden Ihre Mails eher als Spam behandelt und Fälscher haben leichtes Spiel.</translation>
    </message>
    <message>
        <source>Not checked: %1 has no usable DMARC record.</source>
        <translation>Nicht geprüft: %1 hat keinen brauchbaren DMARC-Eintrag.</translation>
    </message>
    <message>
        <source>%1 has no DMARC record.</source>
        <translation>%1 hat keinen DMARC-Eintrag.</translation>
    </message>
    <message>
        <source>%1 has %2 DMARC records; receivers ignore them all.</source>
        <translation>%1 hat %2 DMARC-Einträge; Empfänger ignorieren dann alle.</translation>
    </message>
    <message>
        <source>Delete all but one record. %1</source>
        <translation>Löschen Sie alle Einträge bis auf einen. %1</translation>
    </message>
    <message>
        <source>The DMARC record is invalid: %1.</source>
        <translation>Der DMARC-Eintrag ist ungültig: %1.</translation>
    </message>
    <message>
        <source>%1 has one valid DMARC record.</source>
        <translation>%1 hat einen gültigen DMARC-Eintrag.</translation>
    </message>
    <message>
        <source>The DMARC record works, with problems: %1.</source>
        <translation>Der DMARC-Eintrag funktioniert, hat aber Probleme: %1.</translation>
    </message>
    <message>
        <source>Consider replacing it. %1</source>
        <translation>Erwägen Sie, ihn zu ersetzen. %1</translation>
    </message>
    <message>
        <source>p=none only asks for reports: forged mail in your name is still delivered. p=quarantine sends it to the spam folder, p=reject refuses it (RFC 7489 6.3). Start with quarantine once your own mail passes, then move to reject.</source>
        <translation>p=none fordert nur Berichte an: gefälschte Mails in Ihrem Namen werden weiterhin zugestellt. p=quarantine schiebt sie in den Spam-Ordner, p=reject lehnt sie ab (RFC 7489 6.3). Beginnen Sie mit quarantine, sobald Ihre eigenen Mails die Prüfung bestehen, und wechseln Sie dann zu reject.</translation>
    </message>
    <message>
        <source>The DMARC policy applies to only %1% of forged mail (pct=%1).</source>
        <translation>Die DMARC-Richtlinie gilt nur für %1 % der gefälschten Mails (pct=%1).</translation>
    </message>
    <message>
        <source>Remove pct= once your own mail passes. %1</source>
        <translation>Entfernen Sie pct=, sobald Ihre eigenen Mails die Prüfung bestehen. %1</translation>
    </message>
    <message>
        <source>With rua= receivers send daily reports of the mail they saw in your name, which shows whether your own mail passes and whether someone forges it.</source>
        <translation>Mit rua= schicken Empfänger täglich Berichte über die Mails, die sie in Ihrem Namen gesehen haben. Daran erkennen Sie, ob Ihre eigenen Mails die Prüfung bestehen und ob jemand Ihren Namen fälscht.</translation>
    </message>
    <message>
        <source>Reports are sent to %1.</source>
        <translation>Berichte gehen an %1.</translation>
    </message>
    <message>
        <source>No address receives DMARC reports (no rua=).</source>
        <translation>Keine Adresse empfängt DMARC-Berichte (kein rua=).</translation>
    </message>
    <message>
        <source>Add rua= to the record. %1</source>
        <translation>Ergänzen Sie rua= im Eintrag. %1</translation>
    </message>
    <message>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <source>no DNS answer in time (timeout)</source>
        <translation>keine rechtzeitige DNS-Antwort (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation>die DNS-Abfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not tell: the DNS lookup of %1 failed.</source>
        <translation>Nicht feststellbar: die DNS-Abfrage von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The DNS did not give a definite answer (%1). This says nothing about your setup yet; the check has to be run again.</source>
        <translation>Das DNS hat keine eindeutige Antwort geliefert (%1). Das sagt noch nichts über Ihre Einrichtung aus; die Prüfung muss erneut laufen.</translation>
    </message>
    <message>
        <source>Run the check again in a few minutes. If it keeps failing, check that this machine&apos;s DNS resolver works.</source>
        <translation>Führen Sie die Prüfung in ein paar Minuten erneut aus. Wenn sie weiter fehlschlägt, prüfen Sie, ob der DNS-Resolver dieses Rechners funktioniert.</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>This check builds on another one that did not succeed. Fix that one first, then run the checks again.</source>
        <translation>Diese Prüfung baut auf einer anderen auf, die nicht erfolgreich war. Beheben Sie zuerst jene und führen Sie dann die Prüfungen erneut aus.</translation>
    </message>
    <message>
        <source>Host name is a full domain name</source>
        <translation>Hostname ist ein vollständiger Domainname</translation>
    </message>
    <message>
        <source>Host name points to the server</source>
        <translation>Hostname zeigt auf den Server</translation>
    </message>
    <message>
        <source>Mail host name</source>
        <translation>Hostname des Mailservers</translation>
    </message>
    <message>
        <source>no host name is set</source>
        <translation>es ist kein Hostname eingestellt</translation>
    </message>
    <message>
        <source>it is not a valid domain name</source>
        <translation>er ist kein gültiger Domainname</translation>
    </message>
    <message>
        <source>&quot;localhost&quot; only ever means this machine itself</source>
        <translation>„localhost“ bezeichnet immer nur diesen Rechner selbst</translation>
    </message>
    <message>
        <source>it has only one label; a full name looks like mail.example.org</source>
        <translation>er hat nur einen Namensteil; ein vollständiger Name sieht aus wie mail.example.org</translation>
    </message>
    <message>
        <source>the label &quot;%1&quot; may only hold letters, digits and inner hyphens</source>
        <translation>der Namensteil „%1“ darf nur Buchstaben, Ziffern und innenliegende Bindestriche enthalten</translation>
    </message>
    <message>
        <source>it is an IP address, not a name</source>
        <translation>er ist eine IP-Adresse, kein Name</translation>
    </message>
    <message>
        <source>&quot;.%1&quot; names exist only inside a local network</source>
        <translation>„.%1“-Namen gibt es nur innerhalb eines lokalen Netzes</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; is not usable: %2.</source>
        <translation>Der Hostname „%1“ ist nicht verwendbar: %2.</translation>
    </message>
    <message>
        <source>Your server introduces itself to other mail servers by its host name (in the EHLO greeting), and they look that name up in the DNS. It must be a full domain name that exists on the internet, such as mail.example.org.</source>
        <translation>Ihr Server stellt sich anderen Mailservern mit seinem Hostnamen vor (in der EHLO-Begrüßung), und diese schlagen den Namen im DNS nach. Es muss ein vollständiger Domainname sein, der im Internet existiert, etwa mail.example.org.</translation>
    </message>
    <message>
        <source>Choose a name under your own domain, for example mail.%1, enter it as the host name, and publish an A record for it with the server&apos;s public address.</source>
        <translation>Wählen Sie einen Namen unter Ihrer eigenen Domain, zum Beispiel mail.%1, tragen Sie ihn als Hostnamen ein und veröffentlichen Sie dafür einen A-Eintrag mit der öffentlichen Adresse des Servers.</translation>
    </message>
    <message>
        <source>the host name is not a full domain name.</source>
        <translation>der Hostname ist kein vollständiger Domainname.</translation>
    </message>
    <message>
        <source>%1 is a full domain name.</source>
        <translation>%1 ist ein vollständiger Domainname.</translation>
    </message>
    <message>
        <source>Other mail servers can look this name up in the DNS.</source>
        <translation>Andere Mailserver können diesen Namen im DNS nachschlagen.</translation>
    </message>
    <message>
        <source>At the DNS host of your domain, publish an A record for %1 with the server&apos;s public IPv4 address (and an AAAA record with its IPv6 address, if it has one).</source>
        <translation>Veröffentlichen Sie beim DNS-Anbieter Ihrer Domain einen A-Eintrag für %1 mit der öffentlichen IPv4-Adresse des Servers (und einen AAAA-Eintrag mit seiner IPv6-Adresse, falls er eine hat).</translation>
    </message>
    <message>
        <source>%1 has no address in the DNS.</source>
        <translation>%1 hat keine Adresse im DNS.</translation>
    </message>
    <message>
        <source>Other mail servers look up the host name your server greets them with, and your MX record points to it. Without an A or AAAA record they cannot find the server and distrust its greeting.</source>
        <translation>Andere Mailserver schlagen den Hostnamen nach, mit dem Ihr Server sie begrüßt, und Ihr MX-Eintrag zeigt darauf. Ohne A- oder AAAA-Eintrag finden sie den Server nicht und misstrauen seiner Begrüßung.</translation>
    </message>
    <message>
        <source>%1 does not point to %2.</source>
        <translation>%1 zeigt nicht auf %2.</translation>
    </message>
    <message>
        <source>The host name resolves to %1, but the server&apos;s public address is %2. Mail for the host name goes elsewhere, and receivers cannot confirm that the server is who it says it is.</source>
        <translation>Der Hostname wird zu %1 aufgelöst, aber die öffentliche Adresse des Servers ist %2. Mails für den Hostnamen gehen woandershin, und Empfänger können nicht bestätigen, dass der Server der ist, für den er sich ausgibt.</translation>
    </message>
    <message>
        <source>%1 also points to %2, which is not a configured address of the server.</source>
        <translation>%1 zeigt außerdem auf %2; das ist keine eingestellte Adresse des Servers.</translation>
    </message>
    <message>
        <source>Some mail servers will connect to an address that is not yours, or one the server does not listen on, and fail to deliver.</source>
        <translation>Manche Mailserver verbinden sich dann mit einer Adresse, die nicht Ihnen gehört oder auf der der Server nicht lauscht, und können nicht zustellen.</translation>
    </message>
    <message>
        <source>Remove the records for %1 from %2, or add those addresses to the server&apos;s configured public addresses if they are its own.</source>
        <translation>Entfernen Sie die Einträge für %1 aus %2, oder fügen Sie diese Adressen zu den eingestellten öffentlichen Adressen des Servers hinzu, falls es seine eigenen sind.</translation>
    </message>
    <message>
        <source>%1 is an alias (CNAME).</source>
        <translation>%1 ist ein Alias (CNAME).</translation>
    </message>
    <message>
        <source>A mail host name should have its own address records: an MX record must not point to an alias (RFC 2181 10.3), and some receivers distrust a greeting name that is one.</source>
        <translation>Der Hostname eines Mailservers sollte eigene Adresseinträge haben: Ein MX-Eintrag darf nicht auf einen Alias zeigen (RFC 2181 10.3), und manche Empfänger misstrauen einem Begrüßungsnamen, der ein Alias ist.</translation>
    </message>
    <message>
        <source>Replace the CNAME record of %1 with A/AAAA records holding the server&apos;s addresses.</source>
        <translation>Ersetzen Sie den CNAME-Eintrag von %1 durch A/AAAA-Einträge mit den Adressen des Servers.</translation>
    </message>
    <message>
        <source>%1 points to %2.</source>
        <translation>%1 zeigt auf %2.</translation>
    </message>
    <message>
        <source>Other mail servers find your server by this name.</source>
        <translation>Andere Mailserver finden Ihren Server über diesen Namen.</translation>
    </message>
    <message>
        <source>Local listener: %1</source>
        <translation>Lokaler Listener: %1</translation>
    </message>
    <message>
        <source>The %1 listener answers on %2.</source>
        <translation>Der %1-Listener antwortet auf %2.</translation>
    </message>
    <message>
        <source>Its TLS certificate is self-signed (see the TLS checks).</source>
        <translation>Sein TLS-Zertifikat ist selbst signiert (siehe TLS-Prüfungen).</translation>
    </message>
    <message>
        <source>banner: %1</source>
        <translation>Banner: %1</translation>
    </message>
    <message>
        <source>Nothing answers on %1: the connection was refused.</source>
        <translation>Auf %1 antwortet nichts: die Verbindung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The service is not running, or its %1 listener is off or bound to another address or port.</source>
        <translation>Der Dienst läuft nicht, oder sein %1-Listener ist aus oder an eine andere Adresse bzw. einen anderen Port gebunden.</translation>
    </message>
    <message>
        <source>Start postwardend, and check &quot;%1=&quot; in the [listen] section of its configuration.</source>
        <translation>Starten Sie postwardend und prüfen Sie „%1=“ im Abschnitt [listen] seiner Konfiguration.</translation>
    </message>
    <message>
        <source>The %1 listener on %2 does not answer: %3.</source>
        <translation>Der %1-Listener auf %2 antwortet nicht: %3.</translation>
    </message>
    <message>
        <source>Something accepts the connection or drops it silently, but no mail greeting arrives: the service hangs, or a firewall drops packets.</source>
        <translation>Etwas nimmt die Verbindung an oder verwirft sie stillschweigend, aber es kommt keine Mail-Begrüßung: Der Dienst hängt, oder eine Firewall verwirft Pakete.</translation>
    </message>
    <message>
        <source>Restart postwardend and look at its log; check the local firewall rules for port %1.</source>
        <translation>Starten Sie postwardend neu und sehen Sie in sein Protokoll; prüfen Sie die lokalen Firewall-Regeln für Port %1.</translation>
    </message>
    <message>
        <source>Something else answers on %1: %2.</source>
        <translation>Auf %1 antwortet etwas anderes: %2.</translation>
    </message>
    <message>
        <source>Another program holds this port, or the listener speaks another protocol than its role (%1) wants.</source>
        <translation>Ein anderes Programm belegt diesen Port, oder der Listener spricht ein anderes Protokoll, als seine Rolle (%1) verlangt.</translation>
    </message>
    <message>
        <source>Find the program on port %1 (for example with &quot;ss -ltnp&quot;) and stop it, or move the listener to a free port.</source>
        <translation>Finden Sie das Programm auf Port %1 (zum Beispiel mit „ss -ltnp“) und beenden Sie es, oder legen Sie den Listener auf einen freien Port.</translation>
    </message>
    <message>
        <source>The %1 listener on %2 accepts connections, but TLS fails: %3.</source>
        <translation>Der %1-Listener auf %2 nimmt Verbindungen an, aber TLS schlägt fehl: %3.</translation>
    </message>
    <message>
        <source>Mail programs connect to this port with TLS from the first byte; without a working handshake they cannot use it.</source>
        <translation>Mailprogramme verbinden sich mit diesem Port vom ersten Byte an per TLS; ohne funktionierenden Handshake können sie ihn nicht nutzen.</translation>
    </message>
    <message>
        <source>Check the certificate and key in the [tls] section of the configuration, then restart postwardend.</source>
        <translation>Prüfen Sie Zertifikat und Schlüssel im Abschnitt [tls] der Konfiguration und starten Sie dann postwardend neu.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>Keine Verbindung zu %1 möglich: %2.</translation>
    </message>
    <message>
        <source>Check the address of the %1 listener in the [listen] section.</source>
        <translation>Prüfen Sie die Adresse des %1-Listeners im Abschnitt [listen].</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>unerwartete Antwort</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>TLS fehlgeschlagen</translation>
    </message>
    <message>
        <source>Mail exchanger (MX) record</source>
        <translation>Mailserver-Eintrag (MX)</translation>
    </message>
    <message>
        <source>MX target is a host name</source>
        <translation>MX-Ziel ist ein Hostname</translation>
    </message>
    <message>
        <source>MX points to this server</source>
        <translation>MX zeigt auf diesen Server</translation>
    </message>
    <message>
        <source>Other mail servers look up the MX records of your domain to find out where to deliver mail for it.</source>
        <translation>Andere Mailserver schlagen die MX-Einträge Ihrer Domain nach, um herauszufinden, wohin sie Mails für diese Domain zustellen sollen.</translation>
    </message>
    <message>
        <source>An MX record must name a host (like %1), not an IP address (RFC 5321 5.1), and that name must have its own A/AAAA records rather than be an alias (CNAME) of another name (RFC 2181 10.3). Many mail servers refuse or mishandle MX records that break these rules, so mail to you is lost or delayed.</source>
        <translation>Ein MX-Eintrag muss einen Host nennen (wie %1), keine IP-Adresse (RFC 5321 5.1), und dieser Name muss eigene A/AAAA-Einträge haben statt ein Alias (CNAME) eines anderen Namens zu sein (RFC 2181 10.3). Viele Mailserver lehnen MX-Einträge ab, die gegen diese Regeln verstoßen, oder behandeln sie falsch, sodass Mails an Sie verloren gehen oder sich verzögern.</translation>
    </message>
    <message>
        <source>A &quot;null MX&quot; (0 .) is mixed with other MX records.</source>
        <translation>Ein „Null-MX“ (0 .) steht neben anderen MX-Einträgen.</translation>
    </message>
    <message>
        <source>The MX record &quot;0 .&quot; says the domain receives no mail (RFC 7505); next to other MX records it contradicts them and senders may bounce mail.</source>
        <translation>Der MX-Eintrag „0 .“ besagt, dass die Domain keine Mails empfängt (RFC 7505); neben anderen MX-Einträgen widerspricht er diesen, und Absender schicken Mails womöglich zurück.</translation>
    </message>
    <message>
        <source>Delete the MX record &quot;0 .&quot;. %1</source>
        <translation>Löschen Sie den MX-Eintrag „0 .“. %1</translation>
    </message>
    <message>
        <source>The MX record points to an IP address (%1) instead of a host name.</source>
        <translation>Der MX-Eintrag zeigt auf eine IP-Adresse (%1) statt auf einen Hostnamen.</translation>
    </message>
    <message>
        <source>Replace the MX record. %1
and make sure %2 has an A record with the address.</source>
        <translation>Ersetzen Sie den MX-Eintrag. %1
und stellen Sie sicher, dass %2 einen A-Eintrag mit der Adresse hat.</translation>
    </message>
    <message>
        <source>The MX record points to an alias (CNAME): %1.</source>
        <translation>Der MX-Eintrag zeigt auf einen Alias (CNAME): %1.</translation>
    </message>
    <message>
        <source>Point the MX at the real host name instead of the alias. %1
and give %2 its own A/AAAA records instead of a CNAME.</source>
        <translation>Lassen Sie den MX auf den echten Hostnamen statt auf den Alias zeigen. %1
und geben Sie %2 eigene A/AAAA-Einträge statt eines CNAME.</translation>
    </message>
    <message>
        <source>Every MX record names a host.</source>
        <translation>Jeder MX-Eintrag nennt einen Host.</translation>
    </message>
    <message>
        <source>Senders deliver your mail to the addresses of the MX hosts. If none of them is this server (%1), the mail for %2 goes somewhere else, or nowhere.</source>
        <translation>Absender stellen Ihre Mails an die Adressen der MX-Hosts zu. Ist keiner davon dieser Server (%1), gehen die Mails für %2 woandershin oder nirgendwohin.</translation>
    </message>
    <message>
        <source>The MX host %1 leads to this server.</source>
        <translation>Der MX-Host %1 führt zu diesem Server.</translation>
    </message>
    <message>
        <source>No MX host of %1 has an IP address.</source>
        <translation>Kein MX-Host von %1 hat eine IP-Adresse.</translation>
    </message>
    <message>
        <source>%1
and give %2 an A record with this server&apos;s address.</source>
        <translation>%1
und geben Sie %2 einen A-Eintrag mit der Adresse dieses Servers.</translation>
    </message>
    <message>
        <source>The MX records of %1 lead to another server, not to this one (%2).</source>
        <translation>Die MX-Einträge von %1 führen zu einem anderen Server, nicht zu diesem (%2).</translation>
    </message>
    <message>
        <source>MX records</source>
        <translation>MX-Einträge</translation>
    </message>
    <message>
        <source>Not checked: %1 has no usable MX record.</source>
        <translation>Nicht geprüft: %1 hat keinen brauchbaren MX-Eintrag.</translation>
    </message>
    <message>
        <source>%1 has no MX record.</source>
        <translation>%1 hat keinen MX-Eintrag.</translation>
    </message>
    <message>
        <source>Without an MX record other mail servers do not know that this server receives the mail for %1; most will not deliver to it at all.</source>
        <translation>Ohne MX-Eintrag wissen andere Mailserver nicht, dass dieser Server die Mails für %1 empfängt; die meisten stellen dann gar nicht zu.</translation>
    </message>
    <message>
        <source>%1 publishes a &quot;null MX&quot;: it says it accepts no mail.</source>
        <translation>%1 veröffentlicht einen „Null-MX“: Die Domain erklärt damit, keine Mails anzunehmen.</translation>
    </message>
    <message>
        <source>The MX record &quot;0 .&quot; is the way to announce that a domain receives no mail at all (RFC 7505). Senders give up at once and bounce every message to %1.</source>
        <translation>Mit dem MX-Eintrag „0 .“ gibt eine Domain bekannt, dass sie überhaupt keine Mails empfängt (RFC 7505). Absender geben sofort auf und schicken jede Nachricht an %1 zurück.</translation>
    </message>
    <message>
        <source>Outgoing SMTP (port %1)</source>
        <translation>Ausgehendes SMTP (Port %1)</translation>
    </message>
    <message>
        <source>This host can reach %1 and got its greeting.</source>
        <translation>Dieser Rechner erreicht %1 und hat dessen Begrüßung erhalten.</translation>
    </message>
    <message>
        <source>Blocked: no answer from %1 (%2).</source>
        <translation>Blockiert: keine Antwort von %1 (%2).</translation>
    </message>
    <message>
        <source>Many providers block outgoing port %1 so that infected machines cannot send spam; without it this server cannot deliver mail to other domains.</source>
        <translation>Viele Provider sperren ausgehenden Port %1, damit infizierte Rechner keinen Spam verschicken können; ohne ihn kann dieser Server keine Mails an andere Domains zustellen.</translation>
    </message>
    <message>
        <source>Ask your provider to unblock outgoing port %1 for this server, or send through a relay (smart host) on port 587.</source>
        <translation>Bitten Sie Ihren Provider, ausgehenden Port %1 für diesen Server freizuschalten, oder versenden Sie über ein Relay (Smarthost) auf Port 587.</translation>
    </message>
    <message>
        <source>The connection to %1 was refused.</source>
        <translation>Die Verbindung zu %1 wurde abgelehnt.</translation>
    </message>
    <message>
        <source>A firewall on this host or at your provider rejects outgoing connections to port %1, or that server is down.</source>
        <translation>Eine Firewall auf diesem Rechner oder bei Ihrem Provider lehnt ausgehende Verbindungen zu Port %1 ab, oder jener Server ist nicht in Betrieb.</translation>
    </message>
    <message>
        <source>Check this host&apos;s outgoing firewall rules; if they allow port %1, ask your provider to unblock it, or use a relay (smart host).</source>
        <translation>Prüfen Sie die Firewall-Regeln dieses Rechners für ausgehende Verbindungen; wenn sie Port %1 erlauben, bitten Sie Ihren Provider, ihn freizuschalten, oder verwenden Sie ein Relay (Smarthost).</translation>
    </message>
    <message>
        <source>This host has no working route to the internet, or its name resolution fails.</source>
        <translation>Dieser Rechner hat keine funktionierende Route ins Internet, oder seine Namensauflösung schlägt fehl.</translation>
    </message>
    <message>
        <source>Check the network configuration of this host (default route, DNS servers).</source>
        <translation>Prüfen Sie die Netzwerkeinstellungen dieses Rechners (Standardroute, DNS-Server).</translation>
    </message>
    <message>
        <source>Check this host&apos;s DNS servers, or give a target with --outbound-target.</source>
        <translation>Prüfen Sie die DNS-Server dieses Rechners, oder geben Sie mit --outbound-target ein Ziel an.</translation>
    </message>
    <message>
        <source>Could not tell: %1 has no address (%2).</source>
        <translation>Nicht feststellbar: %1 hat keine Adresse (%2).</translation>
    </message>
    <message>
        <source>no A record</source>
        <translation>kein A-Eintrag</translation>
    </message>
    <message>
        <source>Reverse DNS (PTR) for IPv4</source>
        <translation>Reverse-DNS (PTR) für IPv4</translation>
    </message>
    <message>
        <source>Reverse DNS (PTR) for IPv6</source>
        <translation>Reverse-DNS (PTR) für IPv6</translation>
    </message>
    <message>
        <source>Reverse DNS confirmed by forward DNS</source>
        <translation>Reverse-DNS durch Vorwärts-DNS bestätigt</translation>
    </message>
    <message>
        <source>Reverse DNS matches the host name</source>
        <translation>Reverse-DNS passt zum Hostnamen</translation>
    </message>
    <message>
        <source>The PTR record is set at your hosting or internet provider, the owner of the IP address block (often in its control panel as &quot;reverse DNS&quot; or &quot;rDNS&quot;, or by asking its support), not at the DNS host of your domain.</source>
        <translation>Der PTR-Eintrag wird bei Ihrem Hosting-Anbieter oder Internetprovider gesetzt, dem Inhaber des IP-Adressblocks (oft in dessen Kundenmenü unter „Reverse DNS“ oder „rDNS“ oder auf Anfrage beim Support), nicht beim DNS-Anbieter Ihrer Domain.</translation>
    </message>
    <message>
        <source>The server has no IPv6 address; nothing to check.</source>
        <translation>Der Server hat keine IPv6-Adresse; es gibt nichts zu prüfen.</translation>
    </message>
    <message>
        <source>The server has no IPv4 address; nothing to check.</source>
        <translation>Der Server hat keine IPv4-Adresse; es gibt nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Reverse DNS is only needed for addresses the server sends mail from.</source>
        <translation>Reverse-DNS wird nur für Adressen benötigt, von denen der Server Mails versendet.</translation>
    </message>
    <message>
        <source>A PTR record turns an IP address back into a name. Large mail providers (Gmail, Outlook, Yahoo) reject or junk mail from addresses without one, because spam often comes from such addresses.</source>
        <translation>Ein PTR-Eintrag übersetzt eine IP-Adresse zurück in einen Namen. Große Mailanbieter (Gmail, Outlook, Yahoo) lehnen Mails von Adressen ohne PTR-Eintrag ab oder sortieren sie als Spam aus, weil Spam oft von solchen Adressen kommt.</translation>
    </message>
    <message>
        <source>Because %1 has an IPv6 address (AAAA), your server will send mail over IPv6, and large providers reject it outright when that address has no PTR.</source>
        <translation>Weil %1 eine IPv6-Adresse (AAAA) hat, versendet Ihr Server Mails über IPv6, und große Anbieter lehnen sie sofort ab, wenn diese Adresse keinen PTR-Eintrag hat.</translation>
    </message>
    <message>
        <source>Ask for a PTR record for %1 pointing to %2. </source>
        <translation>Beantragen Sie einen PTR-Eintrag für %1, der auf %2 zeigt. </translation>
    </message>
    <message>
        <source>If you cannot get one, remove the AAAA record of the host name and do not send mail over IPv6.</source>
        <translation>Wenn Sie keinen bekommen, entfernen Sie den AAAA-Eintrag des Hostnamens und versenden Sie keine Mails über IPv6.</translation>
    </message>
    <message>
        <source>No PTR record for %1.</source>
        <translation>Kein PTR-Eintrag für %1.</translation>
    </message>
    <message>
        <source>PTR records found for %1.</source>
        <translation>PTR-Einträge für %1 gefunden.</translation>
    </message>
    <message>
        <source>Receiving servers can turn the address back into a name.</source>
        <translation>Empfangende Server können die Adresse zurück in einen Namen übersetzen.</translation>
    </message>
    <message>
        <source>no address has a PTR record.</source>
        <translation>keine Adresse hat einen PTR-Eintrag.</translation>
    </message>
    <message>
        <source>The PTR name of %1 does not lead back to it.</source>
        <translation>Der PTR-Name von %1 führt nicht zu dieser Adresse zurück.</translation>
    </message>
    <message>
        <source>Receivers check that the name in the PTR record has an A or AAAA record with the same address (forward-confirmed reverse DNS). Anyone can put any name in a PTR record; only this round trip proves it. Mail from an address that fails it is often rejected.</source>
        <translation>Empfänger prüfen, ob der Name im PTR-Eintrag einen A- oder AAAA-Eintrag mit derselben Adresse hat (vorwärts bestätigtes Reverse-DNS). Jeder kann einen beliebigen Namen in einen PTR-Eintrag schreiben; erst dieser Rundweg beweist ihn. Mails von einer Adresse, die dabei durchfällt, werden oft abgelehnt.</translation>
    </message>
    <message>
        <source>Make the PTR record point to %1, and publish an A/AAAA record for %1 with the server&apos;s address at the DNS host of your domain. </source>
        <translation>Lassen Sie den PTR-Eintrag auf %1 zeigen und veröffentlichen Sie beim DNS-Anbieter Ihrer Domain einen A/AAAA-Eintrag für %1 mit der Adresse des Servers. </translation>
    </message>
    <message>
        <source>The PTR names lead back to %1.</source>
        <translation>Die PTR-Namen führen zurück zu %1.</translation>
    </message>
    <message>
        <source>The reverse and forward DNS of the server agree.</source>
        <translation>Reverse- und Vorwärts-DNS des Servers stimmen überein.</translation>
    </message>
    <message>
        <source>The PTR records name %1.</source>
        <translation>Die PTR-Einträge nennen %1.</translation>
    </message>
    <message>
        <source>The reverse DNS matches the name the server greets with.</source>
        <translation>Das Reverse-DNS passt zu dem Namen, mit dem der Server grüßt.</translation>
    </message>
    <message>
        <source>Change the PTR record of %1 to %2. </source>
        <translation>Ändern Sie den PTR-Eintrag von %1 auf %2. </translation>
    </message>
    <message>
        <source>The PTR record names %1, not %2.</source>
        <translation>Der PTR-Eintrag nennt %1, nicht %2.</translation>
    </message>
    <message>
        <source>Your server greets other servers as %1, but its address says it is %2. Many receivers accept this when the PTR name leads back to the address, but spam filters score a mismatch, and a generic provider name looks like a home connection.</source>
        <translation>Ihr Server begrüßt andere Server als %1, aber laut seiner Adresse ist er %2. Viele Empfänger akzeptieren das, wenn der PTR-Name zur Adresse zurückführt, aber Spamfilter werten eine Abweichung negativ, und ein allgemeiner Provider-Name sieht nach einem Privatanschluss aus.</translation>
    </message>
    <message>
        <source>Reverse DNS (PTR)</source>
        <translation>Reverse-DNS (PTR)</translation>
    </message>
    <message>
        <source>%1: private address (RFC 1918)</source>
        <translation>%1: private Adresse (RFC 1918)</translation>
    </message>
    <message>
        <source>%1 is a private address: it only works inside your own network, nobody on the internet can reach it or send mail to it.</source>
        <translation>%1 ist eine private Adresse: Sie funktioniert nur in Ihrem eigenen Netz, niemand im Internet kann sie erreichen oder Mails an sie senden.</translation>
    </message>
    <message>
        <source>%1: shared carrier-grade NAT address (RFC 6598)</source>
        <translation>%1: geteilte Carrier-Grade-NAT-Adresse (RFC 6598)</translation>
    </message>
    <message>
        <source>%1 is in 100.64.0.0/10: your provider shares one address among customers. You cannot run a mail server behind it, because nothing from the internet can reach you and the shared address is not yours.</source>
        <translation>%1 liegt in 100.64.0.0/10: Ihr Provider teilt eine Adresse unter mehreren Kunden auf. Dahinter können Sie keinen Mailserver betreiben, weil Sie aus dem Internet nicht erreichbar sind und die geteilte Adresse nicht Ihnen gehört.</translation>
    </message>
    <message>
        <source>%1: loopback address</source>
        <translation>%1: Loopback-Adresse</translation>
    </message>
    <message>
        <source>%1 is a loopback address: it always means &quot;this machine itself&quot; and is never reachable from elsewhere.</source>
        <translation>%1 ist eine Loopback-Adresse: Sie bedeutet immer „dieser Rechner selbst“ und ist von anderswo nie erreichbar.</translation>
    </message>
    <message>
        <source>%1: link-local address</source>
        <translation>%1: Link-Local-Adresse</translation>
    </message>
    <message>
        <source>%1 is a link-local address: it is only valid on one network segment.</source>
        <translation>%1 ist eine Link-Local-Adresse: Sie gilt nur in einem einzigen Netzsegment.</translation>
    </message>
    <message>
        <source>%1: documentation example address</source>
        <translation>%1: Beispieladresse für Dokumentation</translation>
    </message>
    <message>
        <source>%1 is reserved for examples in documentation (RFC 5737, RFC 3849); it was probably copied from a guide and is nobody&apos;s real address.</source>
        <translation>%1 ist für Beispiele in Dokumentationen reserviert (RFC 5737, RFC 3849); sie wurde vermutlich aus einer Anleitung kopiert und ist niemandes echte Adresse.</translation>
    </message>
    <message>
        <source>%1: unique local IPv6 address (RFC 4193)</source>
        <translation>%1: eindeutige lokale IPv6-Adresse (RFC 4193)</translation>
    </message>
    <message>
        <source>%1 is a unique local IPv6 address (fc00::/7): like a private IPv4 address it is not routed on the internet.</source>
        <translation>%1 ist eine eindeutige lokale IPv6-Adresse (fc00::/7): Wie eine private IPv4-Adresse wird sie im Internet nicht geroutet.</translation>
    </message>
    <message>
        <source>%1: special-purpose address</source>
        <translation>%1: Adresse für Sonderzwecke</translation>
    </message>
    <message>
        <source>%1 is a special-purpose address, not one a server can be reached at.</source>
        <translation>%1 ist eine Adresse für Sonderzwecke, unter der kein Server erreichbar sein kann.</translation>
    </message>
    <message>
        <source>%1: public, on an interface of this machine</source>
        <translation>%1: öffentlich, auf einer Netzwerkschnittstelle dieses Rechners</translation>
    </message>
    <message>
        <source>%1: public, not on any interface of this machine (behind NAT)</source>
        <translation>%1: öffentlich, auf keiner Netzwerkschnittstelle dieses Rechners (hinter NAT)</translation>
    </message>
    <message>
        <source>%1 is a public address, but not one of this machine&apos;s own: the machine sits behind a router that translates addresses (NAT). Mail reaches it only if the router forwards ports %2 to it.</source>
        <translation>%1 ist eine öffentliche Adresse, aber keine eigene dieses Rechners: Der Rechner steht hinter einem Router, der Adressen übersetzt (NAT). Mails erreichen ihn nur, wenn der Router die Ports %2 an ihn weiterleitet.</translation>
    </message>
    <message>
        <source>Public IP address</source>
        <translation>Öffentliche IP-Adresse</translation>
    </message>
    <message>
        <source>interface address %1</source>
        <translation>Schnittstellenadresse %1</translation>
    </message>
    <message>
        <source>No public address is configured, and %1 has no address in the DNS.</source>
        <translation>Es ist keine öffentliche Adresse eingestellt, und %1 hat keine Adresse im DNS.</translation>
    </message>
    <message>
        <source>the host name</source>
        <translation>der Hostname</translation>
    </message>
    <message>
        <source>Other mail servers find yours by its public IP address. None is configured, and the host name has no A or AAAA record to take it from.</source>
        <translation>Andere Mailserver finden Ihren Server über seine öffentliche IP-Adresse. Es ist keine eingestellt, und der Hostname hat keinen A- oder AAAA-Eintrag, aus dem sie sich ermitteln ließe.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s public IP address in the settings (your provider tells you which it is), and publish it as the A record (AAAA for IPv6) of the host name.</source>
        <translation>Tragen Sie die öffentliche IP-Adresse des Servers in den Einstellungen ein (Ihr Provider sagt Ihnen, welche es ist), und veröffentlichen Sie sie als A-Eintrag (AAAA für IPv6) des Hostnamens.</translation>
    </message>
    <message>
        <source>No public address is configured, so the addresses were taken from the A/AAAA records of %1.</source>
        <translation>Es ist keine öffentliche Adresse eingestellt, daher wurden die Adressen aus den A/AAAA-Einträgen von %1 übernommen.</translation>
    </message>
    <message>
        <source>The address %1 cannot receive mail from the internet.</source>
        <translation>Die Adresse %1 kann keine Mails aus dem Internet empfangen.</translation>
    </message>
    <message>
        <source>Use a public IP address that belongs to you: ask your provider for one (a static business address), rent a server or VPS with a public address, or send and receive mail through a relay service. Then enter that address in the settings.</source>
        <translation>Verwenden Sie eine öffentliche IP-Adresse, die Ihnen gehört: Fragen Sie Ihren Provider nach einer (einer festen Geschäftskunden-Adresse), mieten Sie einen Server oder VPS mit öffentlicher Adresse, oder senden und empfangen Sie Mails über einen Relay-Dienst. Tragen Sie diese Adresse dann in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>The public address %1 is behind NAT: forward ports %2.</source>
        <translation>Die öffentliche Adresse %1 liegt hinter NAT: Leiten Sie die Ports %2 weiter.</translation>
    </message>
    <message>
        <source>In your router, forward TCP ports %1 from the public address to this machine&apos;s local address, and give this machine a fixed local address.</source>
        <translation>Leiten Sie in Ihrem Router die TCP-Ports %1 von der öffentlichen Adresse an die lokale Adresse dieses Rechners weiter, und geben Sie diesem Rechner eine feste lokale Adresse.</translation>
    </message>
    <message>
        <source>The public address %1 is on this machine.</source>
        <translation>Die öffentliche Adresse %1 liegt auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Other mail servers connect to this address, and it is one of this machine&apos;s own.</source>
        <translation>Andere Mailserver verbinden sich mit dieser Adresse, und sie gehört zu diesem Rechner.</translation>
    </message>
    <message>
        <source>Public port %1</source>
        <translation>Öffentlicher Port %1</translation>
    </message>
    <message>
        <source>Port %1 is closed on %2.</source>
        <translation>Port %1 ist auf %2 geschlossen.</translation>
    </message>
    <message>
        <source>This host owns the address, but a connection to port %1 is refused or dropped: no listener is bound to it, or a firewall blocks it. Other mail servers and your mail programs cannot reach the service there.</source>
        <translation>Dieser Rechner besitzt die Adresse, aber eine Verbindung zu Port %1 wird abgelehnt oder verworfen: Kein Listener ist daran gebunden, oder eine Firewall blockiert ihn. Andere Mailserver und Ihre Mailprogramme erreichen den Dienst dort nicht.</translation>
    </message>
    <message>
        <source>Make postwardend listen on port %1 of this address, open the port in the host&apos;s firewall (for example &quot;ufw allow %1/tcp&quot;), and, if your provider filters traffic, open it in their control panel as well.</source>
        <translation>Lassen Sie postwardend auf Port %1 dieser Adresse lauschen, öffnen Sie den Port in der Firewall des Rechners (zum Beispiel „ufw allow %1/tcp“) und, falls Ihr Provider den Datenverkehr filtert, auch in dessen Kundenmenü.</translation>
    </message>
    <message>
        <source>Cannot tell from inside whether port %1 of %2 is open.</source>
        <translation>Von innen ist nicht feststellbar, ob Port %1 von %2 offen ist.</translation>
    </message>
    <message>
        <source>The address is not on any interface of this host, so it sits behind a router (NAT); many routers do not let a host reach its own public address from the inside, so a failure here proves nothing.</source>
        <translation>Die Adresse liegt auf keiner Netzwerkschnittstelle dieses Rechners, er steht also hinter einem Router (NAT); viele Router lassen einen Rechner seine eigene öffentliche Adresse nicht von innen erreichen, daher beweist ein Fehlschlag hier nichts.</translation>
    </message>
    <message>
        <source>Run &quot;postwardenctl probe %1&quot; from another machine outside this network, and forward port %2 on the router to this host.</source>
        <translation>Führen Sie „postwardenctl probe %1“ auf einem anderen Rechner außerhalb dieses Netzes aus, und leiten Sie Port %2 im Router an diesen Rechner weiter.</translation>
    </message>
    <message>
        <source>Port %1 accepts connections on %2.</source>
        <translation>Port %1 nimmt auf %2 Verbindungen an.</translation>
    </message>
    <message>
        <source>Give the server&apos;s public address (--ip in postwardenctl check).</source>
        <translation>Geben Sie die öffentliche Adresse des Servers an (--ip bei postwardenctl check).</translation>
    </message>
    <message>
        <source>SPF record</source>
        <translation>SPF-Eintrag</translation>
    </message>
    <message>
        <source>SPF policy for other senders</source>
        <translation>SPF-Richtlinie für andere Absender</translation>
    </message>
    <message>
        <source>SPF allows this server</source>
        <translation>SPF erlaubt diesen Server</translation>
    </message>
    <message>
        <source>The end of an SPF record says what receivers should do with mail from servers that are not listed: &quot;-all&quot; rejects it, &quot;~all&quot; only marks it as suspicious, &quot;?all&quot; and &quot;+all&quot; accept it, so anyone could send mail in the name of %1.</source>
        <translation>Das Ende eines SPF-Eintrags sagt Empfängern, was sie mit Mails von nicht aufgeführten Servern tun sollen: „-all“ lehnt sie ab, „~all“ markiert sie nur als verdächtig, „?all“ und „+all“ nehmen sie an, sodass jeder Mails im Namen von %1 verschicken könnte.</translation>
    </message>
    <message>
        <source>End the record with &quot;-all&quot;. %1</source>
        <translation>Beenden Sie den Eintrag mit „-all“. %1</translation>
    </message>
    <message>
        <source>The policy comes from the redirected record (%1).</source>
        <translation>Die Richtlinie stammt aus dem umgeleiteten Eintrag (%1).</translation>
    </message>
    <message>
        <source>Mail from other servers is rejected (%1).</source>
        <translation>Mails von anderen Servern werden abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Mail from other servers is only marked as suspicious (%1).</source>
        <translation>Mails von anderen Servern werden nur als verdächtig markiert (%1).</translation>
    </message>
    <message>
        <source>Any server may send mail as %1 (%2).</source>
        <translation>Jeder Server darf Mails als %1 versenden (%2).</translation>
    </message>
    <message>
        <source>DNS lookups needed to evaluate the record: %1</source>
        <translation>Zum Auswerten des Eintrags nötige DNS-Abfragen: %1</translation>
    </message>
    <message>
        <source>Receivers stop evaluating an SPF record after 10 DNS lookups (each include, a, mx, ptr, exists and redirect counts, RFC 7208 4.6.4) and then treat the record as broken, so your mail fails SPF.</source>
        <translation>Empfänger brechen die Auswertung eines SPF-Eintrags nach 10 DNS-Abfragen ab (jedes include, a, mx, ptr, exists und redirect zählt, RFC 7208 4.6.4) und behandeln den Eintrag dann als fehlerhaft, sodass Ihre Mails bei SPF durchfallen.</translation>
    </message>
    <message>
        <source>The SPF record needs %1 DNS lookups; at most 10 are allowed.</source>
        <translation>Der SPF-Eintrag braucht %1 DNS-Abfragen; erlaubt sind höchstens 10.</translation>
    </message>
    <message>
        <source>Remove includes you do not need, or list addresses with ip4:/ip6:. %1</source>
        <translation>Entfernen Sie nicht benötigte includes, oder führen Sie Adressen mit ip4:/ip6: auf. %1</translation>
    </message>
    <message>
        <source>The SPF record needs %1 DNS lookups, close to the limit of 10.</source>
        <translation>Der SPF-Eintrag braucht %1 DNS-Abfragen, nahe an der Grenze von 10.</translation>
    </message>
    <message>
        <source>%1 has one valid SPF record.</source>
        <translation>%1 hat einen gültigen SPF-Eintrag.</translation>
    </message>
    <message>
        <source>The SPF record lists the servers allowed to send mail as your domain; receivers use it to spot forgeries.</source>
        <translation>Der SPF-Eintrag führt die Server auf, die Mails im Namen Ihrer Domain versenden dürfen; Empfänger erkennen daran Fälschungen.</translation>
    </message>
    <message>
        <source>Receivers check that the server sending mail as %1 is listed in its SPF record. If this server is not, your own mail fails SPF and is likely to land in spam or be rejected.</source>
        <translation>Empfänger prüfen, ob der Server, der Mails als %1 versendet, im SPF-Eintrag aufgeführt ist. Ist dieser Server es nicht, fallen Ihre eigenen Mails bei SPF durch und landen wahrscheinlich im Spam oder werden abgelehnt.</translation>
    </message>
    <message>
        <source>Could not tell: the address of this server is not known.</source>
        <translation>Nicht feststellbar: die Adresse dieses Servers ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s public address, or publish an A record for %1.</source>
        <translation>Tragen Sie die öffentliche Adresse des Servers ein, oder veröffentlichen Sie einen A-Eintrag für %1.</translation>
    </message>
    <message>
        <source>SPF does not allow this server: %1.</source>
        <translation>SPF erlaubt diesen Server nicht: %1.</translation>
    </message>
    <message>
        <source>Could not tell: a DNS lookup failed while evaluating SPF for %1.</source>
        <translation>Nicht feststellbar: beim Auswerten von SPF für %1 ist eine DNS-Abfrage fehlgeschlagen.</translation>
    </message>
    <message>
        <source>SPF allows this server to send mail as %1.</source>
        <translation>SPF erlaubt diesem Server, Mails als %1 zu versenden.</translation>
    </message>
    <message>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <source>Not checked: %1 has no usable SPF record.</source>
        <translation>Nicht geprüft: %1 hat keinen brauchbaren SPF-Eintrag.</translation>
    </message>
    <message>
        <source>%1 has no SPF record.</source>
        <translation>%1 hat keinen SPF-Eintrag.</translation>
    </message>
    <message>
        <source>Without an SPF record receivers cannot tell your mail from forgeries; many put it in spam or reject it.</source>
        <translation>Ohne SPF-Eintrag können Empfänger Ihre Mails nicht von Fälschungen unterscheiden; viele sortieren sie als Spam aus oder lehnen sie ab.</translation>
    </message>
    <message>
        <source>%1 has more than one SPF record.</source>
        <translation>%1 hat mehr als einen SPF-Eintrag.</translation>
    </message>
    <message>
        <source>A domain may publish only one SPF record (RFC 7208 4.5). With two, receivers treat SPF as broken and your mail fails it.</source>
        <translation>Eine Domain darf nur einen SPF-Eintrag veröffentlichen (RFC 7208 4.5). Bei zwei behandeln Empfänger SPF als fehlerhaft, und Ihre Mails fallen durch.</translation>
    </message>
    <message>
        <source>Merge the records into one and delete the others: keep a single TXT record starting with v=spf1 that lists every server allowed to send. %1</source>
        <translation>Fassen Sie die Einträge zu einem zusammen und löschen Sie die anderen: Behalten Sie einen einzigen TXT-Eintrag, der mit v=spf1 beginnt und jeden Server aufführt, der senden darf. %1</translation>
    </message>
    <message>
        <source>The SPF record is invalid: %1.</source>
        <translation>Der SPF-Eintrag ist ungültig: %1.</translation>
    </message>
    <message>
        <source>Receivers cannot read a record with a syntax error and treat SPF as broken (permerror, RFC 7208 4.6).</source>
        <translation>Empfänger können einen Eintrag mit Syntaxfehler nicht lesen und behandeln SPF als fehlerhaft (permerror, RFC 7208 4.6).</translation>
    </message>
    <message>
        <source>Static, non-residential IP address</source>
        <translation>Feste IP-Adresse, kein Privatanschluss</translation>
    </message>
    <message>
        <source>Spamhaus Policy Block List (PBL)</source>
        <translation>Spamhaus Policy Block List (PBL)</translation>
    </message>
    <message>
        <source>Static IP address</source>
        <translation>Feste IP-Adresse</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot; in the name)</source>
        <translation>%1 („%2“ im Namen)</translation>
    </message>
    <message>
        <source>%1 (the address %2 in the name)</source>
        <translation>%1 (die Adresse %2 im Namen)</translation>
    </message>
    <message>
        <source>Large mail providers reject or junk mail sent directly from home connections and dynamically assigned addresses, because most spam comes from infected home computers. They recognise such addresses by the provider&apos;s generic reverse DNS names, which contain words like &quot;dynamic&quot;, &quot;pool&quot; or &quot;dsl&quot;, or the address&apos;s own digits.</source>
        <translation>Große Mailanbieter lehnen Mails, die direkt von Privatanschlüssen und dynamisch vergebenen Adressen kommen, ab oder sortieren sie als Spam aus, weil der meiste Spam von infizierten Heimrechnern stammt. Sie erkennen solche Adressen an den allgemeinen Reverse-DNS-Namen des Providers, die Wörter wie „dynamic“, „pool“ oder „dsl“ oder die Ziffern der Adresse selbst enthalten.</translation>
    </message>
    <message>
        <source>Get a static business IP address with your own reverse DNS name (PTR set to your mail host name by your provider), or send outgoing mail through a relay (smart host) such as your provider&apos;s mail server.</source>
        <translation>Besorgen Sie sich eine feste Geschäftskunden-IP-Adresse mit eigenem Reverse-DNS-Namen (PTR von Ihrem Provider auf den Hostnamen Ihres Mailservers gesetzt), oder versenden Sie ausgehende Mails über ein Relay (Smarthost), etwa den Mailserver Ihres Providers.</translation>
    </message>
    <message>
        <source>The address looks dynamic or residential: %1.</source>
        <translation>Die Adresse sieht nach einem dynamischen oder privaten Anschluss aus: %1.</translation>
    </message>
    <message>
        <source>The reverse DNS name is a generic provider name: %1.</source>
        <translation>Der Reverse-DNS-Name ist ein allgemeiner Provider-Name: %1.</translation>
    </message>
    <message>
        <source>the address has no reverse DNS name to judge (see the PTR check).</source>
        <translation>die Adresse hat keinen Reverse-DNS-Namen, der sich beurteilen ließe (siehe PTR-Prüfung).</translation>
    </message>
    <message>
        <source>The reverse DNS name does not look like a home or dynamic connection.</source>
        <translation>Der Reverse-DNS-Name sieht nicht nach einem privaten oder dynamischen Anschluss aus.</translation>
    </message>
    <message>
        <source>Nothing in the name suggests a dynamically assigned address.</source>
        <translation>Nichts im Namen deutet auf eine dynamisch vergebene Adresse hin.</translation>
    </message>
    <message>
        <source>%1 is on the Spamhaus PBL: it should not send mail directly.</source>
        <translation>%1 steht auf der Spamhaus PBL: Von ihr sollten keine Mails direkt versendet werden.</translation>
    </message>
    <message>
        <source>The Policy Block List holds address ranges that their owners (internet providers) or Spamhaus say are meant for end users, not for mail servers. Most large providers refuse mail sent directly from them. Being on it is not an accusation of spam; it describes the kind of connection.</source>
        <translation>Die Policy Block List enthält Adressbereiche, die laut ihren Inhabern (Internetprovidern) oder Spamhaus für Endkunden gedacht sind, nicht für Mailserver. Die meisten großen Anbieter lehnen Mails ab, die direkt von dort kommen. Der Eintrag ist kein Spam-Vorwurf; er beschreibt nur die Art des Anschlusses.</translation>
    </message>
    <message>
        <source>Use a relay (smart host) for outgoing mail, or get a static business address from your provider. If the address really is a static server address, you can ask for its removal at https://check.spamhaus.org/.</source>
        <translation>Verwenden Sie für ausgehende Mails ein Relay (Smarthost), oder besorgen Sie sich bei Ihrem Provider eine feste Geschäftskunden-Adresse. Ist die Adresse wirklich eine feste Serveradresse, können Sie ihre Entfernung unter https://check.spamhaus.org/ beantragen.</translation>
    </message>
    <message>
        <source>Could not tell: Spamhaus refused the query from your resolver.</source>
        <translation>Nicht feststellbar: Spamhaus hat die Abfrage Ihres Resolvers abgelehnt.</translation>
    </message>
    <message>
        <source>Spamhaus does not answer queries that come through large public resolvers (such as 8.8.8.8 or 1.1.1.1) or that exceed its free limits, so the result is unknown.</source>
        <translation>Spamhaus beantwortet keine Abfragen, die über große öffentliche Resolver (wie 8.8.8.8 oder 1.1.1.1) kommen oder die kostenlosen Grenzen überschreiten; daher ist das Ergebnis unbekannt.</translation>
    </message>
    <message>
        <source>Use your own resolver, or a Spamhaus DQS key (enter the DQS zone as a blocklist).</source>
        <translation>Verwenden Sie einen eigenen Resolver oder einen Spamhaus-DQS-Schlüssel (tragen Sie die DQS-Zone als Sperrliste ein).</translation>
    </message>
    <message>
        <source>The address is not on the Spamhaus PBL.</source>
        <translation>Die Adresse steht nicht auf der Spamhaus PBL.</translation>
    </message>
    <message>
        <source>Spamhaus does not list it as an end-user address.</source>
        <translation>Spamhaus führt sie nicht als Endkunden-Adresse.</translation>
    </message>
    <message>
        <source>TLS certificate: %1</source>
        <translation>TLS-Zertifikat: %1</translation>
    </message>
    <message>
        <source>Could not tell: no connection to %1 (%2); see port.local.%3.</source>
        <translation>Nicht feststellbar: keine Verbindung zu %1 (%2); siehe port.local.%3.</translation>
    </message>
    <message>
        <source>No TLS on %1: %2.</source>
        <translation>Kein TLS auf %1: %2.</translation>
    </message>
    <message>
        <source>Without TLS, passwords and mail cross the network readable by anyone on the way, and many servers and mail programs refuse to continue.</source>
        <translation>Ohne TLS gehen Passwörter und Mails für jeden auf dem Weg lesbar durchs Netz, und viele Server und Mailprogramme verweigern dann die Fortsetzung.</translation>
    </message>
    <message>
        <source>Set a certificate and key in the [tls] section (or leave them empty for a generated one) and restart postwardend.</source>
        <translation>Stellen Sie im Abschnitt [tls] ein Zertifikat und einen Schlüssel ein (oder lassen Sie beides leer für ein automatisch erzeugtes) und starten Sie postwardend neu.</translation>
    </message>
    <message>
        <source>subject: %1</source>
        <translation>Inhaber: %1</translation>
    </message>
    <message>
        <source>issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>names: %1</source>
        <translation>Namen: %1</translation>
    </message>
    <message>
        <source>valid: %1 to %2 (%3 days left)</source>
        <translation>gültig: %1 bis %2 (noch %3 Tage)</translation>
    </message>
    <message>
        <source>protocol: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>verification: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>it expired on %1</source>
        <translation>es ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>Renew the certificate (certbot renew, or your CA&apos;s panel) and restart postwardend.</source>
        <translation>Erneuern Sie das Zertifikat (certbot renew oder im Kundenmenü Ihrer Zertifizierungsstelle) und starten Sie postwardend neu.</translation>
    </message>
    <message>
        <source>it is not valid before %1</source>
        <translation>es ist erst ab %1 gültig</translation>
    </message>
    <message>
        <source>Check this host&apos;s clock.</source>
        <translation>Prüfen Sie die Uhrzeit dieses Rechners.</translation>
    </message>
    <message>
        <source>it expires in %1 days</source>
        <translation>es läuft in %1 Tagen ab</translation>
    </message>
    <message>
        <source>Renew the certificate now; automate renewal (certbot&apos;s timer) so it never lapses.</source>
        <translation>Erneuern Sie das Zertifikat jetzt; automatisieren Sie die Erneuerung (Timer von certbot), damit es nie abläuft.</translation>
    </message>
    <message>
        <source>it is for %1, not for %2</source>
        <translation>es gilt für %1, nicht für %2</translation>
    </message>
    <message>
        <source>Get a certificate for %1 (for example from Let&apos;s Encrypt) and set it in the [tls] section.</source>
        <translation>Besorgen Sie ein Zertifikat für %1 (zum Beispiel von Let&apos;s Encrypt) und stellen Sie es im Abschnitt [tls] ein.</translation>
    </message>
    <message>
        <source>it is self-signed</source>
        <translation>es ist selbst signiert</translation>
    </message>
    <message>
        <source>Mail programs warn about a self-signed certificate and servers that insist on TLS (MTA-STS, DANE without a TLSA record) refuse it: get one from a public CA such as Let&apos;s Encrypt for %1.</source>
        <translation>Mailprogramme warnen vor einem selbst signierten Zertifikat, und Server, die auf TLS bestehen (MTA-STS, DANE ohne TLSA-Eintrag), lehnen es ab: Besorgen Sie eines von einer öffentlichen Zertifizierungsstelle wie Let&apos;s Encrypt für %1.</translation>
    </message>
    <message>
        <source>your mail host name</source>
        <translation>den Hostnamen Ihres Mailservers</translation>
    </message>
    <message>
        <source>The certificate on %1 is valid for %2 more days.</source>
        <translation>Das Zertifikat auf %1 ist noch %2 Tage gültig.</translation>
    </message>
    <message>
        <source>The certificate on %1 has problems: %2.</source>
        <translation>Das Zertifikat auf %1 hat Probleme: %2.</translation>
    </message>
    <message>
        <source>Servers and mail programs check the certificate before they trust the connection; a bad one makes them warn, fall back to plain text or refuse to connect.</source>
        <translation>Server und Mailprogramme prüfen das Zertifikat, bevor sie der Verbindung vertrauen; bei einem fehlerhaften warnen sie, weichen auf unverschlüsselte Übertragung aus oder verweigern die Verbindung.</translation>
    </message>
    <message>
        <source>Greeting host name: %1</source>
        <translation>Host-Name in der Begrüßung: %1</translation>
    </message>
    <message>
        <source>The %1 listener greets with the host name %2.</source>
        <translation>Der %1-Listener begrüßt mit dem Host-Namen %2.</translation>
    </message>
    <message>
        <source>The %1 listener greets without a host name; %2 was expected.</source>
        <translation>Der %1-Listener begrüßt ohne Host-Namen; erwartet wurde %2.</translation>
    </message>
    <message>
        <source>The %1 listener greets as %2, not as %3.</source>
        <translation>Der %1-Listener begrüßt als %2, nicht als %3.</translation>
    </message>
    <message>
        <source>Receiving servers compare the name in the greeting and in EHLO with the reverse DNS (PTR) of the address and with the host name; a mismatch looks like a misconfigured or hijacked machine, and mail gets more spam points or is refused.</source>
        <translation>Empfangende Server vergleichen den Namen in der Begrüßung und in EHLO mit dem Reverse-DNS (PTR) der Adresse und mit dem Host-Namen. Passen sie nicht zusammen, wirkt der Rechner falsch eingerichtet oder gekapert, und Ihre Mails bekommen mehr Spam-Punkte oder werden abgelehnt.</translation>
    </message>
    <message>
        <source>Set [service] hostname in postwarden.conf to the mail host name (%1), then restart postwardend.</source>
        <translation>Setzen Sie [service] hostname in postwarden.conf auf den Host-Namen des Mailservers (%1) und starten Sie postwardend danach neu.</translation>
    </message>
    <message>
        <source>SPF of the test message</source>
        <translation>SPF der Testnachricht</translation>
    </message>
    <message>
        <source>Publish an SPF record for the domain that lists this server&apos;s public address, for example &quot;v=spf1 mx -all&quot; or the record on the DNS records step.</source>
        <translation>Veröffentlichen Sie für die Domain einen SPF-Eintrag, der die öffentliche Adresse dieses Servers enthält, zum Beispiel &quot;v=spf1 mx -all&quot; oder den Eintrag aus dem Schritt DNS-Einträge.</translation>
    </message>
    <message>
        <source>Receivers would reject or distrust mail from this server: the domain&apos;s SPF record does not allow its address.</source>
        <translation>Empfänger würden Mails dieses Servers abweisen oder ihnen misstrauen: Der SPF-Eintrag der Domain erlaubt seine Adresse nicht.</translation>
    </message>
    <message>
        <source>The domain&apos;s SPF record is broken, so receivers cannot use it.</source>
        <translation>Der SPF-Eintrag der Domain ist fehlerhaft, Empfänger können ihn daher nicht verwenden.</translation>
    </message>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell that this server may send its mail.</source>
        <translation>Die Domain veröffentlicht keinen SPF-Eintrag, Empfänger können daher nicht erkennen, dass dieser Server ihre Mails senden darf.</translation>
    </message>
    <message>
        <source>The domain&apos;s SPF record does not clearly allow this server (%1).</source>
        <translation>Der SPF-Eintrag der Domain erlaubt diesen Server nicht eindeutig (%1).</translation>
    </message>
    <message>
        <source>Could not tell: SPF was not checked.</source>
        <translation>Nicht feststellbar: SPF wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>Could not tell: the SPF check ended in %1.</source>
        <translation>Nicht feststellbar: Die SPF-Prüfung endete mit %1.</translation>
    </message>
    <message>
        <source>DKIM signature of the test message</source>
        <translation>DKIM-Signatur der Testnachricht</translation>
    </message>
    <message>
        <source>Could not tell: the DKIM key could not be looked up right now.</source>
        <translation>Nicht feststellbar: Der DKIM-Schlüssel konnte gerade nicht abgefragt werden.</translation>
    </message>
    <message>
        <source>The message was not signed: the domain has no DKIM key on this server.</source>
        <translation>Die Nachricht wurde nicht signiert: Die Domain hat auf diesem Server keinen DKIM-Schlüssel.</translation>
    </message>
    <message>
        <source>The DKIM signature did not verify (%1).</source>
        <translation>Die DKIM-Signatur ließ sich nicht bestätigen (%1).</translation>
    </message>
    <message>
        <source>Publish the DKIM record shown on the DNS records step (name &lt;selector&gt;._domainkey.&lt;domain&gt;) exactly as given.</source>
        <translation>Veröffentlichen Sie den DKIM-Eintrag aus dem Schritt DNS-Einträge (Name &lt;selector&gt;._domainkey.&lt;domain&gt;) genau wie angegeben.</translation>
    </message>
    <message>
        <source>DMARC of the test message</source>
        <translation>DMARC der Testnachricht</translation>
    </message>
    <message>
        <source>The domain publishes no DMARC policy.</source>
        <translation>Die Domain veröffentlicht keine DMARC-Richtlinie.</translation>
    </message>
    <message>
        <source>The domain&apos;s DMARC record cannot be used.</source>
        <translation>Der DMARC-Eintrag der Domain ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>Publish a DMARC record at _dmarc.&lt;domain&gt;, for example &quot;v=DMARC1; p=quarantine&quot;.</source>
        <translation>Veröffentlichen Sie einen DMARC-Eintrag unter _dmarc.&lt;domain&gt;, zum Beispiel &quot;v=DMARC1; p=quarantine&quot;.</translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain, so DMARC fails and receivers apply the domain&apos;s policy (%1).</source>
        <translation>Weder SPF noch DKIM bestehen für die Absenderdomain (From), daher schlägt DMARC fehl und Empfänger wenden die Richtlinie der Domain an (%1).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Fix SPF and DKIM first; DMARC passes as soon as one of them passes for the From domain.</source>
        <translation>Beheben Sie zuerst SPF und DKIM; DMARC besteht, sobald eines von beiden für die Absenderdomain besteht.</translation>
    </message>
    <message>
        <source>Could not tell: DMARC was not evaluated.</source>
        <translation>Nicht feststellbar: DMARC wurde nicht ausgewertet.</translation>
    </message>
    <message>
        <source>Could not tell: the DMARC check ended in %1.</source>
        <translation>Nicht feststellbar: Die DMARC-Prüfung endete mit %1.</translation>
    </message>
    <message>
        <source>Could not tell: no test message was checked.</source>
        <translation>Nicht feststellbar: Es wurde keine Testnachricht geprüft.</translation>
    </message>
    <message>
        <source>Ask whoever gives you the public address (provider, hosting company) to set its reverse DNS (PTR) to the server&apos;s host name.</source>
        <translation>Bitten Sie den Anbieter der öffentlichen Adresse (Provider, Hoster), deren Reverse-DNS (PTR) auf den Hostnamen des Servers zu setzen.</translation>
    </message>
    <message>
        <source>Find out why the address is listed and ask the blocklist to remove it.</source>
        <translation>Finden Sie heraus, warum die Adresse gelistet ist, und bitten Sie die Sperrliste, sie zu entfernen.</translation>
    </message>
    <message>
        <source>Find out why the domain is listed and ask the blocklist to remove it.</source>
        <translation>Finden Sie heraus, warum die Domain gelistet ist, und bitten Sie die Sperrliste, sie zu entfernen.</translation>
    </message>
    <message>
        <source>Send through a static business address, or through your provider&apos;s mail relay.</source>
        <translation>Senden Sie über eine feste geschäftliche Adresse oder über das Mail-Relay (Smarthost) Ihres Providers.</translation>
    </message>
    <message>
        <source>Give the server a full host name that resolves to its public address.</source>
        <translation>Geben Sie dem Server einen vollständigen Hostnamen, der auf seine öffentliche Adresse zeigt.</translation>
    </message>
    <message>
        <source>Install a certificate for the host name from a public certificate authority.</source>
        <translation>Installieren Sie für den Hostnamen ein Zertifikat einer öffentlichen Zertifizierungsstelle.</translation>
    </message>
</context>
<context>
    <name>pw::diag::DiagnosticsEngine</name>
    <message>
        <source>Not checked: DNS-only mode opens no connections.</source>
        <translation>Nicht geprüft: Im Nur-DNS-Modus werden keine Verbindungen geöffnet.</translation>
    </message>
    <message>
        <source>Could not tell: the check did not finish within %1 seconds.</source>
        <translation>Nicht feststellbar: die Prüfung wurde nicht innerhalb von %1 Sekunden fertig.</translation>
    </message>
    <message>
        <source>A DNS server or a remote host did not answer in time. Run the check again later; if it keeps happening, the server it waits for is unreachable.</source>
        <translation>Ein DNS-Server oder ein entfernter Rechner hat nicht rechtzeitig geantwortet. Führen Sie die Prüfung später erneut aus; passiert das immer wieder, ist der Server, auf den sie wartet, nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>pw::diag::ListenerCheck</name>
    <message>
        <source>Local listeners</source>
        <translation>Lokale Listener</translation>
    </message>
    <message>
        <source>No local listeners were given, so none was tried.</source>
        <translation>Es wurden keine lokalen Listener angegeben, daher wurde keiner getestet.</translation>
    </message>
</context>
<context>
    <name>pw::diag::OutboundSmtpCheck</name>
    <message>
        <source>Outgoing SMTP</source>
        <translation>Ausgehendes SMTP</translation>
    </message>
    <message>
        <source>Could not tell: no mail server of %1 was found to try (%2).</source>
        <translation>Nicht feststellbar: es wurde kein Mailserver von %1 zum Testen gefunden (%2).</translation>
    </message>
    <message>
        <source>no MX record</source>
        <translation>kein MX-Eintrag</translation>
    </message>
</context>
<context>
    <name>pw::diag::Probe</name>
    <message>
        <source>connected, but no answer within %1 seconds</source>
        <translation>verbunden, aber keine Antwort innerhalb von %1 Sekunden</translation>
    </message>
    <message>
        <source>no connection within %1 seconds</source>
        <translation>keine Verbindung innerhalb von %1 Sekunden</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server sent a line longer than %1 bytes</source>
        <translation>der Server hat eine Zeile mit mehr als %1 Byte gesendet</translation>
    </message>
    <message>
        <source>the server spoke before it was expected to: %1</source>
        <translation>der Server hat gesendet, bevor er an der Reihe war: %1</translation>
    </message>
    <message>
        <source>expected an &quot;* OK&quot; greeting, got: %1</source>
        <translation>erwartet wurde eine „* OK“-Begrüßung, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a 220 greeting, got: %1</source>
        <translation>erwartet wurde eine 220-Begrüßung, erhalten: %1</translation>
    </message>
    <message>
        <source>EHLO was refused: %1</source>
        <translation>EHLO wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS</source>
        <translation>der Server bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>STARTTLS was refused: %1</source>
        <translation>STARTTLS wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>TLS established</source>
        <translation>TLS hergestellt</translation>
    </message>
</context>
<context>
    <name>pw::diag::PublicPortCheck</name>
    <message>
        <source>Public ports</source>
        <translation>Öffentliche Ports</translation>
    </message>
    <message>
        <source>Could not tell: no public address or host name was given.</source>
        <translation>Nicht feststellbar: es wurde keine öffentliche Adresse und kein Hostname angegeben.</translation>
    </message>
    <message>
        <source>Could not tell: %1 has no A or AAAA record to connect to.</source>
        <translation>Nicht feststellbar: %1 hat keinen A- oder AAAA-Eintrag, mit dem eine Verbindung möglich wäre.</translation>
    </message>
</context>
<context>
    <name>pw::diag::RoleAddressCheck</name>
    <message>
        <source>Role address %1</source>
        <translation>Rollenadresse %1</translation>
    </message>
    <message>
        <source>The server accepts mail to %1.</source>
        <translation>Der Server nimmt Mails an %1 an.</translation>
    </message>
    <message>
        <source>Mail to %1 is refused: %2</source>
        <translation>Mails an %1 werden abgelehnt: %2</translation>
    </message>
    <message>
        <source>Every mail domain must accept mail to postmaster@ (RFC 5321, section 4.5.1) and should accept it to abuse@ (RFC 2142). Large providers and blocklist operators write to these addresses about delivery problems and complaints; if they bounce, your mail is trusted less.</source>
        <translation>Jede Mail-Domain muss Mails an postmaster@ annehmen (RFC 5321, Abschnitt 4.5.1) und sollte Mails an abuse@ annehmen (RFC 2142). Große Anbieter und Betreiber von Blocklisten schreiben an diese Adressen, wenn es Zustellprobleme oder Beschwerden gibt; kommen solche Mails zurück, wird Ihren Mails weniger vertraut.</translation>
    </message>
    <message>
        <source>Create the mailbox %1 or an alias that forwards it to someone who reads it.</source>
        <translation>Legen Sie das Postfach %1 an oder einen Alias, der es an jemanden weiterleitet, der die Mails liest.</translation>
    </message>
    <message>
        <source>the server answered with a temporary error: %1</source>
        <translation>der Server hat mit einem vorübergehenden Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>unexpected answer: %1</source>
        <translation>unerwartete Antwort: %1</translation>
    </message>
    <message>
        <source>Cannot tell whether mail to %1 is accepted: %2.</source>
        <translation>Es lässt sich nicht feststellen, ob Mails an %1 angenommen werden: %2.</translation>
    </message>
    <message>
        <source>Make sure postwardend is running, then run the check again.</source>
        <translation>Stellen Sie sicher, dass postwardend läuft, und führen Sie die Prüfung dann erneut aus.</translation>
    </message>
    <message>
        <source>no connection within %1 seconds</source>
        <translation>keine Verbindung innerhalb von %1 Sekunden</translation>
    </message>
    <message>
        <source>no complete answer within %1 seconds</source>
        <translation>keine vollständige Antwort innerhalb von %1 Sekunden</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>cannot connect to %1:%2: %3</source>
        <translation>keine Verbindung zu %1:%2 möglich: %3</translation>
    </message>
    <message>
        <source>the server sent a line longer than %1 bytes</source>
        <translation>der Server hat eine Zeile mit mehr als %1 Byte gesendet</translation>
    </message>
    <message>
        <source>the server sent a reply of more than %1 lines</source>
        <translation>der Server hat eine Antwort mit mehr als %1 Zeilen gesendet</translation>
    </message>
    <message>
        <source>%1 was not accepted: %2</source>
        <translation>%1 wurde nicht angenommen: %2</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>die Begrüßung</translation>
    </message>
    <message>
        <source>Role addresses (postmaster@, abuse@)</source>
        <translation>Rollenadressen (postmaster@, abuse@)</translation>
    </message>
    <message>
        <source>No SMTP listener is configured to ask, so postmaster@ and abuse@ were not checked.</source>
        <translation>Es ist kein SMTP-Listener eingerichtet, den man fragen könnte; postmaster@ und abuse@ wurden daher nicht geprüft.</translation>
    </message>
    <message>
        <source>No mail domain was given, so postmaster@ and abuse@ were not checked.</source>
        <translation>Es wurde keine Mail-Domain angegeben; postmaster@ und abuse@ wurden daher nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>pw::diag::TlsCertificateCheck</name>
    <message>
        <source>TLS certificates</source>
        <translation>TLS-Zertifikate</translation>
    </message>
    <message>
        <source>No TLS-capable listener was given, so no certificate was looked at.</source>
        <translation>Es wurde kein TLS-fähiger Listener angegeben, daher wurde kein Zertifikat geprüft.</translation>
    </message>
</context>
<context>
    <name>pw::mail::MailAddress</name>
    <message>
        <source>The domain is longer than 255 characters.</source>
        <translation>Die Domain ist laenger als 255 Zeichen.</translation>
    </message>
    <message>
        <source>The domain has an empty part (two dots in a row, or a dot at an end).</source>
        <translation>Die Domain hat einen leeren Teil (zwei Punkte hintereinander oder ein Punkt am Anfang oder Ende).</translation>
    </message>
    <message>
        <source>A part of the domain is longer than 63 characters.</source>
        <translation>Ein Teil der Domain ist laenger als 63 Zeichen.</translation>
    </message>
    <message>
        <source>The domain may only hold letters, digits, hyphens and dots, and no part may start or end with a hyphen.</source>
        <translation>Die Domain darf nur Buchstaben, Ziffern, Bindestriche und Punkte enthalten, und kein Teil darf mit einem Bindestrich beginnen oder enden.</translation>
    </message>
    <message>
        <source>The address literal is not closed with &quot;]&quot;.</source>
        <translation>Das Adressliteral ist nicht mit &quot;]&quot; abgeschlossen.</translation>
    </message>
    <message>
        <source>The IPv6 address literal is not valid.</source>
        <translation>Das IPv6-Adressliteral ist ungueltig.</translation>
    </message>
    <message>
        <source>The address literal is not a valid IPv4 or IPv6 address.</source>
        <translation>Das Adressliteral ist keine gueltige IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>Die Adresse ist leer.</translation>
    </message>
    <message>
        <source>The address is too long.</source>
        <translation>Die Adresse ist zu lang.</translation>
    </message>
    <message>
        <source>The address is not valid UTF-8.</source>
        <translation>Die Adresse ist kein gueltiges UTF-8.</translation>
    </message>
    <message>
        <source>The quoted local part has a backslash that escapes nothing valid.</source>
        <translation>Der Teil vor dem @ in Anfuehrungszeichen hat einen Backslash vor einem ungueltigen Zeichen.</translation>
    </message>
    <message>
        <source>The quoted local part holds a character that is not allowed.</source>
        <translation>Der Teil vor dem @ in Anfuehrungszeichen enthaelt ein unzulaessiges Zeichen.</translation>
    </message>
    <message>
        <source>The quoted local part has no closing quote.</source>
        <translation>Beim Teil vor dem @ fehlt das schliessende Anfuehrungszeichen.</translation>
    </message>
    <message>
        <source>The closing quote of the local part must be followed by &quot;@&quot;.</source>
        <translation>Auf das schliessende Anfuehrungszeichen vor dem @ muss &quot;@&quot; folgen.</translation>
    </message>
    <message>
        <source>The address has no &quot;@&quot; and domain.</source>
        <translation>Der Adresse fehlen &quot;@&quot; und Domain.</translation>
    </message>
    <message>
        <source>The part before the @ is empty.</source>
        <translation>Der Teil vor dem @ ist leer.</translation>
    </message>
    <message>
        <source>The part before the @ holds a character that is not allowed, or dots in the wrong place.</source>
        <translation>Der Teil vor dem @ enthaelt ein unzulaessiges Zeichen oder Punkte an der falschen Stelle.</translation>
    </message>
    <message>
        <source>The part before the @ is longer than 64 characters.</source>
        <translation>Der Teil vor dem @ ist laenger als 64 Zeichen.</translation>
    </message>
    <message>
        <source>The domain after the @ is missing.</source>
        <translation>Die Domain nach dem @ fehlt.</translation>
    </message>
    <message>
        <source>The domain ends with a dot.</source>
        <translation>Die Domain endet mit einem Punkt.</translation>
    </message>
    <message>
        <source>The domain is not a valid international domain name.</source>
        <translation>Die Domain ist kein gueltiger internationaler Domainname.</translation>
    </message>
    <message>
        <source>Mail to an address literal such as [192.0.2.1] is not accepted.</source>
        <translation>Mails an ein Adressliteral wie [192.0.2.1] werden nicht angenommen.</translation>
    </message>
    <message>
        <source>The part before the @ holds &quot;%1&quot;, which old servers used to pass mail on to other hosts.</source>
        <translation>Der Teil vor dem @ enthaelt &quot;%1&quot;, womit alte Server Mails an andere Hosts weitergereicht haben.</translation>
    </message>
</context>
<context>
    <name>pw::service</name>
    <message>
        <source>&quot;%1&quot; must be a non-empty string</source>
        <translation>&quot;%1&quot; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>&quot;%1&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of addresses</source>
        <translation>&quot;%1&quot; muss eine Liste von Adressen sein</translation>
    </message>
    <message>
        <source>&quot;quota_bytes&quot; must be a whole number of bytes, 0 or more</source>
        <translation>&quot;quota_bytes&quot; muss eine ganze Zahl von Bytes sein, 0 oder mehr</translation>
    </message>
    <message>
        <source>domain %1 added</source>
        <translation>Domain %1 hinzugefügt</translation>
    </message>
    <message>
        <source>DKIM keys %1 of %2 created; they sign at once</source>
        <translation>DKIM-Schlüssel %1 von %2 erzeugt; sie signieren sofort</translation>
    </message>
    <message>
        <source>no domain %1</source>
        <translation>Domain %1 gibt es nicht</translation>
    </message>
    <message>
        <source>domain %1 removed with its mailboxes, aliases and DKIM keys</source>
        <translation>Domain %1 mit ihren Postfächern, Aliassen und DKIM-Schlüsseln entfernt</translation>
    </message>
    <message>
        <source>catch-all of %1 set to %2</source>
        <translation>Catch-all-Adresse von %1 auf %2 gesetzt</translation>
    </message>
    <message>
        <source>catch-all of %1 cleared</source>
        <translation>Catch-all-Adresse von %1 entfernt</translation>
    </message>
    <message>
        <source>postmaster of %1 reset to the default</source>
        <translation>Postmaster von %1 auf den Standard zurückgesetzt</translation>
    </message>
    <message>
        <source>postmaster and abuse of %1 go to %2</source>
        <translation>postmaster und abuse von %1 gehen an %2</translation>
    </message>
    <message>
        <source>a password is required</source>
        <translation>ein Passwort ist erforderlich</translation>
    </message>
    <message>
        <source>mailbox %1 added</source>
        <translation>Postfach %1 angelegt</translation>
    </message>
    <message>
        <source>mailbox %1 removed</source>
        <translation>Postfach %1 entfernt</translation>
    </message>
    <message>
        <source>password of %1 changed</source>
        <translation>Passwort von %1 geändert</translation>
    </message>
    <message>
        <source>quota of %1 removed</source>
        <translation>Kontingent von %1 aufgehoben</translation>
    </message>
    <message>
        <source>quota of %1 set to %2 bytes</source>
        <translation>Kontingent von %1 auf %2 Bytes gesetzt</translation>
    </message>
    <message>
        <source>mailbox %1 disabled</source>
        <translation>Postfach %1 deaktiviert</translation>
    </message>
    <message>
        <source>mailbox %1 enabled</source>
        <translation>Postfach %1 aktiviert</translation>
    </message>
    <message>
        <source>alias %1 → %2 added</source>
        <translation>Alias %1 → %2 angelegt</translation>
    </message>
    <message>
        <source>alias %1 removed</source>
        <translation>Alias %1 entfernt</translation>
    </message>
    <message>
        <source>targets %2 removed from alias %1</source>
        <translation>Ziele %2 aus Alias %1 entfernt</translation>
    </message>
    <message>
        <source>DKIM rotation of %1 started: publish %2, then activate them</source>
        <translation>DKIM-Schlüsselwechsel für %1 begonnen: veröffentlichen Sie %2 und aktivieren Sie sie dann</translation>
    </message>
    <message>
        <source>DKIM keys %1 of %2 sign now; the old keys stay published for %3 days</source>
        <translation>DKIM-Schlüssel %1 von %2 signieren jetzt; die alten Schlüssel bleiben %3 Tage veröffentlicht</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the value must be a single line without control characters</source>
        <translation>der Wert muss eine einzelne Zeile ohne Steuerzeichen sein</translation>
    </message>
    <message>
        <source>&quot;values&quot; must be a non-empty object of &quot;section.key&quot;: &quot;value&quot;</source>
        <translation>&quot;values&quot; muss ein nicht leeres Objekt aus &quot;section.key&quot;: &quot;value&quot; sein</translation>
    </message>
    <message>
        <source>unknown setting &quot;%1&quot;</source>
        <translation>unbekannte Einstellung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the value must be a string</source>
        <translation>der Wert muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>tls.cert and tls.key must be set together</source>
        <translation>tls.cert und tls.key müssen zusammen gesetzt werden</translation>
    </message>
    <message>
        <source>configuration changed: %1</source>
        <translation>Konfiguration geändert: %1</translation>
    </message>
</context>
<context>
    <name>pw::service::ControlConnection</name>
    <message>
        <source>request larger than %1 bytes</source>
        <translation>Anfrage größer als %1 Bytes</translation>
    </message>
    <message>
        <source>params must be an object with named members</source>
        <translation>params muss ein Objekt mit benannten Einträgen sein</translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;</source>
        <translation>unbekannte Methode &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>pw::service::ControlServer</name>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 können keine Verbindungen angenommen werden: %2</translation>
    </message>
    <message>
        <source>cannot restrict %1 to mode 0600</source>
        <translation>die Zugriffsrechte von %1 können nicht auf 0600 beschränkt werden</translation>
    </message>
</context>
<context>
    <name>pw::service::Directory</name>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>&quot;%1&quot; ist kein Domainname</translation>
    </message>
    <message>
        <source>domain %1 already exists</source>
        <translation>Domain %1 gibt es bereits</translation>
    </message>
    <message>
        <source>no domain %1</source>
        <translation>Domain %1 gibt es nicht</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address</source>
        <translation>&quot;%1&quot; ist keine Adresse</translation>
    </message>
    <message>
        <source>%1 is outside our domains</source>
        <translation>%1 liegt außerhalb unserer Domains</translation>
    </message>
    <message>
        <source>no mailbox %1</source>
        <translation>Postfach %1 gibt es nicht</translation>
    </message>
    <message>
        <source>the password is empty</source>
        <translation>das Passwort ist leer</translation>
    </message>
    <message>
        <source>the quota cannot be negative</source>
        <translation>das Kontingent kann nicht negativ sein</translation>
    </message>
    <message>
        <source>mailbox %1 already exists</source>
        <translation>Postfach %1 gibt es bereits</translation>
    </message>
    <message>
        <source>an alias needs at least one target</source>
        <translation>ein Alias braucht mindestens ein Ziel</translation>
    </message>
    <message>
        <source>%1 is a mailbox, it cannot also be an alias</source>
        <translation>%1 ist ein Postfach und kann nicht zugleich ein Alias sein</translation>
    </message>
    <message>
        <source>%1 cannot point to itself</source>
        <translation>%1 kann nicht auf sich selbst zeigen</translation>
    </message>
    <message>
        <source>alias %1 already has these targets</source>
        <translation>Alias %1 hat diese Ziele bereits</translation>
    </message>
    <message>
        <source>no alias %1</source>
        <translation>Alias %1 gibt es nicht</translation>
    </message>
    <message>
        <source>alias %1 has none of these targets</source>
        <translation>Alias %1 hat keines dieser Ziele</translation>
    </message>
</context>
<context>
    <name>pw::service::DkimKeyStore</name>
    <message>
        <source>cannot create %1 with mode 0700</source>
        <translation>%1 kann nicht mit den Zugriffsrechten 0700 angelegt werden</translation>
    </message>
    <message>
        <source>cannot export the public DKIM key</source>
        <translation>der öffentliche DKIM-Schlüssel kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>no domain %1</source>
        <translation>Domain %1 gibt es nicht</translation>
    </message>
    <message>
        <source>domain %1 has DKIM keys already</source>
        <translation>Domain %1 hat bereits DKIM-Schlüssel</translation>
    </message>
    <message>
        <source>a rotation of %1 is pending already (key %2): publish its records, then activate it</source>
        <translation>für %1 läuft bereits ein Schlüsselwechsel (Schlüssel %2): veröffentlichen Sie seine Einträge und aktivieren Sie ihn dann</translation>
    </message>
    <message>
        <source>no new DKIM key of %1 waits to be activated; rotate first</source>
        <translation>für %1 wartet kein neuer DKIM-Schlüssel auf die Aktivierung; beginnen Sie zuerst einen Schlüsselwechsel (rotate)</translation>
    </message>
</context>
<context>
    <name>pw::service::LoginVerifier</name>
    <message>
        <source>%1 logged in from %2</source>
        <translation>%1 hat sich von %2 aus angemeldet</translation>
    </message>
    <message>
        <source>failed login for %1 from %2; locked out</source>
        <translation>fehlgeschlagene Anmeldung fuer %1 von %2; gesperrt</translation>
    </message>
    <message>
        <source>failed login for %1 from %2</source>
        <translation>fehlgeschlagene Anmeldung fuer %1 von %2</translation>
    </message>
</context>
<context>
    <name>pw::service::MailConnection</name>
    <message>
        <source>connection error: %1</source>
        <translation>Verbindungsfehler: %1</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>connection from %1 on %2</source>
        <translation>Verbindung von %1 auf %2</translation>
    </message>
    <message>
        <source>timeout, closing the connection from %1</source>
        <translation>Zeitueberschreitung, Verbindung von %1 wird geschlossen</translation>
    </message>
</context>
<context>
    <name>pw::service::MailListeners</name>
    <message>
        <source>the %1 listener needs TLS, and no certificate is loaded</source>
        <translation>der %1-Listener braucht TLS, aber es ist kein Zertifikat geladen</translation>
    </message>
    <message>
        <source>cannot listen for %1 on %2: %3</source>
        <translation>kann fuer %1 nicht auf %2 lauschen: %3</translation>
    </message>
    <message>
        <source>Too many connections; try again later</source>
        <translation>Zu viele Verbindungen; bitte spaeter erneut versuchen</translation>
    </message>
    <message>
        <source>Too many connections from %1; try again later</source>
        <translation>Zu viele Verbindungen von %1; bitte spaeter erneut versuchen</translation>
    </message>
</context>
<context>
    <name>pw::service::MailStack</name>
    <message>
        <source>mailbox %1 is %2 % full</source>
        <translation>Postfach %1 ist zu %2 % voll</translation>
    </message>
    <message>
        <source>no mail listener is configured, so no certificate is in use</source>
        <translation>es ist kein Mail-Listener eingerichtet, daher wird kein Zertifikat verwendet</translation>
    </message>
</context>
<context>
    <name>pw::service::MessageAcceptance</name>
    <message>
        <source>Malformed message header: %1</source>
        <translation>Fehlerhafter Nachrichtenkopf: %1</translation>
    </message>
    <message>
        <source>The message has no From header field</source>
        <translation>Die Nachricht hat kein From-Kopffeld</translation>
    </message>
    <message>
        <source>The message has more than one From header field</source>
        <translation>Die Nachricht hat mehr als ein From-Kopffeld</translation>
    </message>
    <message>
        <source>The DMARC policy of %1 rejects this message: %2</source>
        <translation>Die DMARC-Richtlinie von %1 lehnt diese Nachricht ab: %2</translation>
    </message>
    <message>
        <source>The From address is not one of yours</source>
        <translation>Die From-Adresse ist keine Ihrer Adressen</translation>
    </message>
    <message>
        <source>Insufficient system storage; try again later</source>
        <translation>Zu wenig Speicherplatz im System; bitte spaeter erneut versuchen</translation>
    </message>
    <message>
        <source>Local error in processing; try again later</source>
        <translation>Lokaler Verarbeitungsfehler; bitte spaeter erneut versuchen</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Postfach voll</translation>
    </message>
    <message>
        <source>No mailbox here by that name</source>
        <translation>Hier gibt es kein Postfach mit diesem Namen</translation>
    </message>
    <message>
        <source>OK: queued as %1</source>
        <translation>OK: eingereiht als %1</translation>
    </message>
</context>
<context>
    <name>pw::service::MessageStore</name>
    <message>
        <source>The message store is not open.</source>
        <translation>Der Nachrichtenspeicher ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>pw::service::MessageWriter</name>
    <message>
        <source>The message store is not open.</source>
        <translation>Der Nachrichtenspeicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>%1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 has no message tables yet (schema version %2).</source>
        <translation>%1 hat noch keine Nachrichtentabellen (Schemaversion %2).</translation>
    </message>
    <message>
        <source>Cannot write %1 to the disk: %2.</source>
        <translation>%1 kann nicht auf den Datenträger geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot move %1 into place: %2.</source>
        <translation>%1 kann nicht an seinen Platz verschoben werden: %2.</translation>
    </message>
</context>
<context>
    <name>pw::service::QuotaNotice</name>
    <message>
        <source>Your mailbox is %1 % full</source>
        <translation>Ihr Postfach ist zu %1 % voll</translation>
    </message>
    <message>
        <source>Your mailbox %1 now holds %2 of the %3 it may use (%4 %).

When it is full, mail sent to you will be refused and returned to its senders.
To make room, delete messages you no longer need, large ones first, and empty your Trash folder.
If you need more space, ask the administrator of your mail service.

This message was sent automatically; replies to it are not read.
</source>
        <translation>Ihr Postfach %1 belegt jetzt %2 der %3, die es nutzen darf (%4 %).

Wenn es voll ist, werden Mails an Sie abgelehnt und an ihre Absender zurückgeschickt.
Um Platz zu schaffen, löschen Sie Nachrichten, die Sie nicht mehr brauchen, die großen zuerst, und leeren Sie Ihren Papierkorb.
Wenn Sie mehr Platz brauchen, wenden Sie sich an den Administrator Ihres Maildienstes.

Diese Nachricht wurde automatisch verschickt; Antworten darauf werden nicht gelesen.
</translation>
    </message>
</context>
<context>
    <name>pw::service::Service</name>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>das Datenverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot set mode 0700 on the data directory %1</source>
        <translation>die Zugriffsrechte 0700 können für das Datenverzeichnis %1 nicht gesetzt werden</translation>
    </message>
    <message>
        <source>cannot write the default configuration %1</source>
        <translation>die Standardkonfiguration %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>refused a control connection from uid %1</source>
        <translation>Steuerverbindung von UID %1 abgelehnt</translation>
    </message>
    <message>
        <source>postwardend %1 started</source>
        <translation>postwardend %1 gestartet</translation>
    </message>
    <message>
        <source>postwardend stopping</source>
        <translation>postwardend wird beendet</translation>
    </message>
    <message>
        <source>event not saved: %1</source>
        <translation>Ereignis nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>shutdown requested over the control socket</source>
        <translation>Beenden über den Steuer-Socket angefordert</translation>
    </message>
    <message>
        <source>mail counts not saved: %1</source>
        <translation>Mail-Zähler nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>pw::service::SmtpCommandParser</name>
    <message>
        <source>%1 takes no arguments.</source>
        <translation>%1 erwartet keine Argumente.</translation>
    </message>
    <message>
        <source>%1 needs your host name.</source>
        <translation>%1 braucht Ihren Hostnamen.</translation>
    </message>
    <message>
        <source>%1 takes only your host name.</source>
        <translation>%1 erwartet nur Ihren Hostnamen.</translation>
    </message>
    <message>
        <source>That is not a valid host name or address literal.</source>
        <translation>Das ist kein gueltiger Hostname und kein gueltiges Adressliteral.</translation>
    </message>
    <message>
        <source>The %1 parameter needs a value.</source>
        <translation>Der Parameter %1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>The %1 parameter must be a number.</source>
        <translation>Der Parameter %1 muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>BODY=BINARYMIME is not supported.</source>
        <translation>BODY=BINARYMIME wird nicht unterstuetzt.</translation>
    </message>
    <message>
        <source>The %1 parameter must be 7BIT or 8BITMIME.</source>
        <translation>Der Parameter %1 muss 7BIT oder 8BITMIME sein.</translation>
    </message>
    <message>
        <source>The %1 parameter takes no value.</source>
        <translation>Der Parameter %1 erwartet keinen Wert.</translation>
    </message>
    <message>
        <source>The %1 parameter must be FULL or HDRS.</source>
        <translation>Der Parameter %1 muss FULL oder HDRS sein.</translation>
    </message>
    <message>
        <source>The %1 parameter must be NEVER or a list of SUCCESS, FAILURE and DELAY.</source>
        <translation>Der Parameter %1 muss NEVER oder eine Liste aus SUCCESS, FAILURE und DELAY sein.</translation>
    </message>
    <message>
        <source>The %1 parameter must look like rfc822;address.</source>
        <translation>Der Parameter %1 muss die Form rfc822;Adresse haben.</translation>
    </message>
    <message>
        <source>The %1 parameter is not supported.</source>
        <translation>Der Parameter %1 wird nicht unterstuetzt.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot; is not valid.</source>
        <translation>Parameter &quot;%1&quot; ist ungueltig.</translation>
    </message>
    <message>
        <source>The %1 parameter is given twice.</source>
        <translation>Der Parameter %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Syntax: RCPT TO:&lt;address&gt;</source>
        <translation>Syntax: RCPT TO:&lt;Adresse&gt;</translation>
    </message>
    <message>
        <source>Syntax: MAIL FROM:&lt;address&gt;</source>
        <translation>Syntax: MAIL FROM:&lt;Adresse&gt;</translation>
    </message>
    <message>
        <source>Bad recipient address: %1</source>
        <translation>Ungueltige Empfaengeradresse: %1</translation>
    </message>
    <message>
        <source>Bad sender address: %1</source>
        <translation>Ungueltige Absenderadresse: %1</translation>
    </message>
    <message>
        <source>the address must be in angle brackets.</source>
        <translation>die Adresse muss in spitzen Klammern stehen.</translation>
    </message>
    <message>
        <source>the closing &quot;&gt;&quot; is missing.</source>
        <translation>das schliessende &quot;&gt;&quot; fehlt.</translation>
    </message>
    <message>
        <source>there is text right after the &quot;&gt;&quot;.</source>
        <translation>direkt nach dem &quot;&gt;&quot; steht noch Text.</translation>
    </message>
    <message>
        <source>the source route is not valid.</source>
        <translation>die Source-Route ist ungueltig.</translation>
    </message>
    <message>
        <source>the address after the source route is missing.</source>
        <translation>die Adresse nach der Source-Route fehlt.</translation>
    </message>
    <message>
        <source>the address is empty.</source>
        <translation>die Adresse ist leer.</translation>
    </message>
    <message>
        <source>Syntax: BDAT size [LAST]</source>
        <translation>Syntax: BDAT Groesse [LAST]</translation>
    </message>
    <message>
        <source>The BDAT size must be a number.</source>
        <translation>Die BDAT-Groesse muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Syntax: AUTH mechanism [initial-response]</source>
        <translation>Syntax: AUTH Mechanismus [Anfangsantwort]</translation>
    </message>
    <message>
        <source>That is not a valid mechanism name.</source>
        <translation>Das ist kein gueltiger Mechanismusname.</translation>
    </message>
    <message>
        <source>The initial response is not valid base64.</source>
        <translation>Die Anfangsantwort ist kein gueltiges base64.</translation>
    </message>
    <message>
        <source>%1 needs an argument.</source>
        <translation>%1 braucht ein Argument.</translation>
    </message>
    <message>
        <source>The command holds a NUL byte or a bare CR or LF.</source>
        <translation>Der Befehl enthaelt ein NUL-Byte oder ein einzelnes CR oder LF.</translation>
    </message>
    <message>
        <source>Empty command.</source>
        <translation>Leerer Befehl.</translation>
    </message>
    <message>
        <source>Command not implemented.</source>
        <translation>Befehl nicht implementiert.</translation>
    </message>
    <message>
        <source>Unknown command.</source>
        <translation>Unbekannter Befehl.</translation>
    </message>
</context>
<context>
    <name>pw::service::SmtpSession</name>
    <message>
        <source>connection closed during a transaction</source>
        <translation>Verbindung waehrend einer Transaktion geschlossen</translation>
    </message>
    <message>
        <source>%1 ESMTP Postwarden</source>
        <translation>%1 ESMTP Postwarden</translation>
    </message>
    <message>
        <source>Authentication response too long</source>
        <translation>Authentifizierungsantwort zu lang</translation>
    </message>
    <message>
        <source>Line too long</source>
        <translation>Zeile zu lang</translation>
    </message>
    <message>
        <source>%1 Too many errors, closing connection</source>
        <translation>%1 Zu viele Fehler, Verbindung wird geschlossen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurueckgesetzt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 Bye</source>
        <translation>%1 Auf Wiedersehen</translation>
    </message>
    <message>
        <source>Cannot verify the user, but will try to deliver</source>
        <translation>Benutzer kann nicht bestaetigt werden, Zustellung wird trotzdem versucht</translation>
    </message>
    <message>
        <source>EXPN is not available</source>
        <translation>EXPN ist nicht verfuegbar</translation>
    </message>
    <message>
        <source>Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH</source>
        <translation>Befehle: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH</translation>
    </message>
    <message>
        <source>See RFC 5321</source>
        <translation>Siehe RFC 5321</translation>
    </message>
    <message>
        <source>%1 greets %2 [%3]</source>
        <translation>%1 begruesst %2 [%3]</translation>
    </message>
    <message>
        <source>Send EHLO or HELO first</source>
        <translation>Zuerst EHLO oder HELO senden</translation>
    </message>
    <message>
        <source>Sender already given; send RSET to start over</source>
        <translation>Absender bereits angegeben; RSET senden, um neu zu beginnen</translation>
    </message>
    <message>
        <source>Authentication required</source>
        <translation>Authentifizierung erforderlich</translation>
    </message>
    <message>
        <source>Message too big; the limit is %1 bytes</source>
        <translation>Nachricht zu gross; die Grenze liegt bei %1 Bytes</translation>
    </message>
    <message>
        <source>Non-ASCII address without SMTPUTF8</source>
        <translation>Nicht-ASCII-Adresse ohne SMTPUTF8</translation>
    </message>
    <message>
        <source>Submitted mail needs a sender address</source>
        <translation>Eingelieferte Mails brauchen eine Absenderadresse</translation>
    </message>
    <message>
        <source>%1 is not one of your addresses</source>
        <translation>%1 ist keine Ihrer Adressen</translation>
    </message>
    <message>
        <source>sender is not the user&apos;s</source>
        <translation>Absender gehoert nicht dem Benutzer</translation>
    </message>
    <message>
        <source>%1 is our domain; authenticate on the submission port to send as it</source>
        <translation>%1 ist unsere Domain; melden Sie sich am Submission-Port an, um als diese Domain zu senden</translation>
    </message>
    <message>
        <source>our domain as sender without SPF pass (%1)</source>
        <translation>unsere Domain als Absender, aber SPF nicht bestanden (%1)</translation>
    </message>
    <message>
        <source>Sender OK</source>
        <translation>Absender OK</translation>
    </message>
    <message>
        <source>Send MAIL first</source>
        <translation>Zuerst MAIL senden</translation>
    </message>
    <message>
        <source>Too many recipients</source>
        <translation>Zu viele Empfaenger</translation>
    </message>
    <message>
        <source>Source routes are not accepted</source>
        <translation>Source-Routes werden nicht angenommen</translation>
    </message>
    <message>
        <source>Relaying denied: %1</source>
        <translation>Relaying verweigert: %1</translation>
    </message>
    <message>
        <source>No mailbox here by that name</source>
        <translation>Hier gibt es kein Postfach mit diesem Namen</translation>
    </message>
    <message>
        <source>This server does not send mail to other domains yet</source>
        <translation>Dieser Server versendet noch keine Mails an andere Domains</translation>
    </message>
    <message>
        <source>Relay access denied</source>
        <translation>Relay-Zugriff verweigert</translation>
    </message>
    <message>
        <source>Mailbox disabled, not accepting messages</source>
        <translation>Postfach deaktiviert, nimmt keine Nachrichten an</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Postfach voll</translation>
    </message>
    <message>
        <source>Recipient OK (duplicate)</source>
        <translation>Empfaenger OK (doppelt)</translation>
    </message>
    <message>
        <source>Recipient OK</source>
        <translation>Empfaenger OK</translation>
    </message>
    <message>
        <source>No valid recipients</source>
        <translation>Keine gueltigen Empfaenger</translation>
    </message>
    <message>
        <source>DATA cannot follow BDAT in one transaction</source>
        <translation>DATA kann in einer Transaktion nicht auf BDAT folgen</translation>
    </message>
    <message>
        <source>End data with &lt;CR&gt;&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;</source>
        <translation>Daten mit &lt;CR&gt;&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt; beenden</translation>
    </message>
    <message>
        <source>%1 octets received</source>
        <translation>%1 Bytes empfangen</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>Nachricht zu gross</translation>
    </message>
    <message>
        <source>Bare CR or LF in the message; lines must end with CRLF</source>
        <translation>Einzelnes CR oder LF in der Nachricht; Zeilen muessen mit CRLF enden</translation>
    </message>
    <message>
        <source>bare CR or LF in the data</source>
        <translation>einzelnes CR oder LF in den Daten</translation>
    </message>
    <message>
        <source>accepted a message from &lt;%1&gt; for %2 recipient(s), %3 bytes</source>
        <translation>Nachricht von &lt;%1&gt; fuer %2 Empfaenger angenommen, %3 Bytes</translation>
    </message>
    <message>
        <source>refused a message from &lt;%1&gt;: %2</source>
        <translation>Nachricht von &lt;%1&gt; abgelehnt: %2</translation>
    </message>
    <message>
        <source>TLS is already active</source>
        <translation>TLS ist bereits aktiv</translation>
    </message>
    <message>
        <source>TLS not available</source>
        <translation>TLS nicht verfuegbar</translation>
    </message>
    <message>
        <source>Ready to start TLS</source>
        <translation>Bereit fuer TLS</translation>
    </message>
    <message>
        <source>AUTH is offered on the submission ports only</source>
        <translation>AUTH gibt es nur auf den Submission-Ports</translation>
    </message>
    <message>
        <source>Send EHLO first</source>
        <translation>Zuerst EHLO senden</translation>
    </message>
    <message>
        <source>Already authenticated</source>
        <translation>Bereits authentifiziert</translation>
    </message>
    <message>
        <source>AUTH is not allowed during a mail transaction</source>
        <translation>AUTH ist waehrend einer Mail-Transaktion nicht erlaubt</translation>
    </message>
    <message>
        <source>Encryption required: send STARTTLS first</source>
        <translation>Verschluesselung erforderlich: zuerst STARTTLS senden</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins; try again in %n second(s)</source>
        <translation>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen; bitte in %n Sekunde erneut versuchen</numerusform>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen; bitte in %n Sekunden erneut versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsupported authentication mechanism</source>
        <translation>Authentifizierungsverfahren nicht unterstuetzt</translation>
    </message>
    <message>
        <source>Authentication cancelled</source>
        <translation>Authentifizierung abgebrochen</translation>
    </message>
    <message>
        <source>Cannot decode the response (base64)</source>
        <translation>Antwort kann nicht dekodiert werden (base64)</translation>
    </message>
    <message>
        <source>Malformed PLAIN response</source>
        <translation>Fehlerhafte PLAIN-Antwort</translation>
    </message>
    <message>
        <source>Empty user name</source>
        <translation>Leerer Benutzername</translation>
    </message>
    <message>
        <source>Authentication successful</source>
        <translation>Authentifizierung erfolgreich</translation>
    </message>
    <message>
        <source>Authentication credentials invalid</source>
        <translation>Zugangsdaten ungueltig</translation>
    </message>
    <message>
        <source>Too many errors, closing connection</source>
        <translation>Zu viele Fehler, Verbindung wird geschlossen</translation>
    </message>
    <message>
        <source>%1 Timeout, closing connection</source>
        <translation>%1 Zeitueberschreitung, Verbindung wird geschlossen</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitueberschreitung</translation>
    </message>
    <message>
        <source>transaction ended without a message</source>
        <translation>Transaktion ohne Nachricht beendet</translation>
    </message>
</context>
<context>
    <name>pw::service::StoreFailure</name>
    <message>
        <source>The disk is full: the message database cannot grow (%1).</source>
        <translation>Der Datenträger ist voll: Die Nachrichtendatenbank kann nicht wachsen (%1).</translation>
    </message>
    <message>
        <source>Message database error: %1</source>
        <translation>Fehler der Nachrichtendatenbank: %1</translation>
    </message>
    <message>
        <source>The disk is full: %1</source>
        <translation>Der Datenträger ist voll: %1</translation>
    </message>
</context>
<context>
    <name>pw::service::SubmissionSigner</name>
    <message>
        <source>%1 has no DKIM signing key</source>
        <translation>%1 hat keinen DKIM-Signaturschlüssel</translation>
    </message>
</context>
<context>
    <name>pw::service::TlsContext</name>
    <message>
        <source>the TLS %1 file %2 does not exist</source>
        <translation>die TLS-%1-Datei %2 existiert nicht</translation>
    </message>
    <message>
        <source>cannot read the TLS %1 file %2: %3</source>
        <translation>die TLS-%1-Datei %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>the TLS %1 file %2 is too large to be PEM</source>
        <translation>die TLS-%1-Datei %2 ist zu groß für PEM</translation>
    </message>
    <message>
        <source>TLS certificate %1 (%2), valid until %3</source>
        <translation>TLS-Zertifikat %1 (%2), gültig bis %3</translation>
    </message>
    <message>
        <source>[tls] cert and key must be set together (both empty = a self-signed certificate)</source>
        <translation>[tls] cert und key müssen zusammen gesetzt werden (beide leer = ein selbst signiertes Zertifikat)</translation>
    </message>
    <message>
        <source>the TLS certificate %1 expired on %2; clients that check it will refuse it</source>
        <translation>das TLS-Zertifikat %1 ist am %2 abgelaufen; Clients, die es prüfen, lehnen es ab</translation>
    </message>
    <message>
        <source>the TLS certificate %1 is not valid before %2</source>
        <translation>das TLS-Zertifikat %1 ist erst ab %2 gültig</translation>
    </message>
    <message>
        <source>the TLS certificate %1 is not issued for the host name %2</source>
        <translation>das TLS-Zertifikat %1 ist nicht für den Hostnamen %2 ausgestellt</translation>
    </message>
    <message>
        <source>the TLS key %1 is readable by other users; make it mode 0600</source>
        <translation>der TLS-Schlüssel %1 ist für andere Benutzer lesbar; setzen Sie die Zugriffsrechte auf 0600</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>the TLS certificate file %1 holds no PEM certificate</source>
        <translation>die TLS-Zertifikat-Datei %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>the TLS key %1 is encrypted; store it unencrypted with mode 0600, e.g. openssl pkey -in encrypted.pem -out key.pem</source>
        <translation>der TLS-Schlüssel %1 ist verschlüsselt; speichern Sie ihn unverschlüsselt mit den Zugriffsrechten 0600, z. B. openssl pkey -in encrypted.pem -out key.pem</translation>
    </message>
    <message>
        <source>the TLS key %1 cannot be used: %2</source>
        <translation>der TLS-Schlüssel %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>the TLS key %1 does not belong to the certificate %2</source>
        <translation>der TLS-Schlüssel %1 gehört nicht zum Zertifikat %2</translation>
    </message>
    <message>
        <source>the TLS key %1 is of a type the TLS library cannot use (RSA, ECDSA and DSA are)</source>
        <translation>der TLS-Schlüssel %1 hat einen Typ, den die TLS-Bibliothek nicht verwenden kann (verwendbar sind RSA, ECDSA und DSA)</translation>
    </message>
    <message>
        <source>no directory for the self-signed TLS certificate</source>
        <translation>kein Verzeichnis für das selbst signierte TLS-Zertifikat</translation>
    </message>
    <message>
        <source>cannot create the key directory %1</source>
        <translation>das Schlüsselverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot make the key directory %1 private (mode 0700)</source>
        <translation>das Schlüsselverzeichnis %1 kann nicht privat gemacht werden (Zugriffsrechte 0700)</translation>
    </message>
    <message>
        <source>generating a self-signed TLS certificate for %1: %2</source>
        <translation>selbst signiertes TLS-Zertifikat für %1 wird erzeugt: %2</translation>
    </message>
    <message>
        <source>there is none yet</source>
        <translation>es gibt noch keines</translation>
    </message>
    <message>
        <source>the host name changed</source>
        <translation>der Hostname hat sich geändert</translation>
    </message>
    <message>
        <source>the old one expires on %1</source>
        <translation>das alte läuft am %1 ab</translation>
    </message>
    <message>
        <source>cannot generate a self-signed TLS certificate: %1</source>
        <translation>ein selbst signiertes TLS-Zertifikat kann nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>cannot store the TLS key %1: %2</source>
        <translation>der TLS-Schlüssel %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>cannot store the TLS certificate %1: %2</source>
        <translation>das TLS-Zertifikat %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>pw::service::TlsMethods</name>
    <message>
        <source>TLS certificate reloaded: %1</source>
        <translation>TLS-Zertifikat neu geladen: %1</translation>
    </message>
</context>
<context>
    <name>pw::ui</name>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Mail server for %1</source>
        <translation>Mailserver für %1</translation>
    </message>
    <message>
        <source>Summary of the setup made with Postwarden on %1. It contains no passwords.</source>
        <translation>Zusammenfassung der Einrichtung, die am %1 mit Postwarden vorgenommen wurde. Sie enthält keine Passwörter.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Mail domain</source>
        <translation>Mail-Domain</translation>
    </message>
    <message>
        <source>Mail server name</source>
        <translation>Name des Mailservers</translation>
    </message>
    <message>
        <source>Public addresses</source>
        <translation>Öffentliche Adressen</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>DNS-Einträge</translation>
    </message>
    <message>
        <source>The records were not loaded.</source>
        <translation>Die Einträge wurden nicht geladen.</translation>
    </message>
    <message>
        <source>The records have not been checked in DNS yet.</source>
        <translation>Die Einträge wurden noch nicht im DNS geprüft.</translation>
    </message>
    <message>
        <source>All %1 required records were found in DNS.</source>
        <translation>Alle %1 erforderlichen Einträge wurden im DNS gefunden.</translation>
    </message>
    <message>
        <source>%1 of %2 required records were found in DNS at the last check.</source>
        <translation>%1 von %2 erforderlichen Einträgen wurden bei der letzten Prüfung im DNS gefunden.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Benötigt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Your mailbox</source>
        <translation>Ihr Postfach</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>Settings for mail programs</source>
        <translation>Einstellungen für Mailprogramme</translation>
    </message>
    <message>
        <source>The mail service has no listener for mail programs.</source>
        <translation>Der Maildienst hat keine Empfangsadresse für Mailprogramme.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Verbindungssicherheit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password: the one chosen for the mailbox. Authentication: normal password.</source>
        <translation>Passwort: das für das Postfach gewählte Passwort. Authentifizierung: Passwort, normal.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>The checks have not been run.</source>
        <translation>Die Prüfungen wurden nicht ausgeführt.</translation>
    </message>
</context>
<context>
    <name>pw::ui::AccountsPage</name>
    <message>
        <source>Create your mailbox</source>
        <translation>Ihr Postfach anlegen</translation>
    </message>
    <message>
        <source>This is the address you will read and send mail with. Other mail servers write to postmaster@ and abuse@ when something is wrong, so that mail should reach you too.</source>
        <translation>Mit dieser Adresse lesen und senden Sie Ihre Mails. Andere Mailserver schreiben an postmaster@ und abuse@, wenn etwas nicht stimmt; diese Mails sollten Sie deshalb ebenfalls erreichen.</translation>
    </message>
    <message>
        <source>for example: anna</source>
        <translation>zum Beispiel: anna</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>How much mail the mailbox may hold. Mail beyond it is refused.</source>
        <translation>Wie viele Mails das Postfach aufnehmen darf. Mails darüber hinaus werden abgelehnt.</translation>
    </message>
    <message>
        <source>Send mail to p&amp;ostmaster@ to this mailbox</source>
        <translation>Mails an p&amp;ostmaster@ in dieses Postfach zustellen</translation>
    </message>
    <message>
        <source>Send mail to ab&amp;use@ to this mailbox</source>
        <translation>Mails an ab&amp;use@ in dieses Postfach zustellen</translation>
    </message>
    <message>
        <source>&amp;Mail address:</source>
        <translation>&amp;Mail-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Passwort &amp;bestätigen:</translation>
    </message>
    <message>
        <source>Storage &amp;limit:</source>
        <translation>&amp;Speichergrenze:</translation>
    </message>
    <message>
        <source>%1 exists already; it is kept as it is, with its password.</source>
        <translation>%1 ist bereits vorhanden; es bleibt unverändert, mit seinem bisherigen Passwort.</translation>
    </message>
    <message>
        <source>Type only the part before the @, without spaces, for example &quot;anna&quot;.</source>
        <translation>Geben Sie nur den Teil vor dem @ ein, ohne Leerzeichen, zum Beispiel „anna“.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>Das Passwort muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again in both fields.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie das Passwort in beiden Feldern erneut ein.</translation>
    </message>
    <message>
        <source>Setting up %1…</source>
        <translation>%1 wird eingerichtet…</translation>
    </message>
    <message>
        <source>The mail service could not set up %1: %2</source>
        <translation>Der Maildienst konnte %1 nicht einrichten: %2</translation>
    </message>
    <message>
        <source>The mail service did not list the mailboxes: %1</source>
        <translation>Der Maildienst konnte die Postfächer nicht auflisten: %1</translation>
    </message>
    <message>
        <source>Mailbox %1 was there already and is kept as it is.</source>
        <translation>Das Postfach %1 war bereits vorhanden und bleibt unverändert.</translation>
    </message>
    <message>
        <source>The mailbox could not be created: %1</source>
        <translation>Das Postfach konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Mailbox %1 created.</source>
        <translation>Postfach %1 angelegt.</translation>
    </message>
    <message>
        <source>postmaster@%1 could not be sent to the mailbox: %2</source>
        <translation>postmaster@%1 konnte nicht an das Postfach geleitet werden: %2</translation>
    </message>
    <message>
        <source>postmaster@%1 → %2</source>
        <translation>postmaster@%1 → %2</translation>
    </message>
    <message>
        <source>The mail service did not list the forwardings: %1</source>
        <translation>Der Maildienst konnte die Weiterleitungen nicht auflisten: %1</translation>
    </message>
    <message>
        <source>%1 → %2 (there already, kept)</source>
        <translation>%1 → %2 (bereits vorhanden, beibehalten)</translation>
    </message>
    <message>
        <source>%1 is a mailbox of its own and is kept.</source>
        <translation>%1 ist ein eigenes Postfach und bleibt erhalten.</translation>
    </message>
    <message>
        <source>%1 could not be sent to the mailbox: %2</source>
        <translation>%1 konnte nicht an das Postfach geleitet werden: %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>pw::ui::ActionStatus</name>
    <message>
        <source>Waiting for the service</source>
        <translation>Warten auf den Dienst</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>pw::ui::AliasesView</name>
    <message>
        <source>&amp;Add Alias</source>
        <translation>Alias hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>sales@example.com, or dev-*@example.com</source>
        <translation>vertrieb@example.com oder dev-*@example.com</translation>
    </message>
    <message>
        <source>one or more addresses, separated by commas</source>
        <translation>eine oder mehrere Adressen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Remove the selected alias (Delete)</source>
        <translation>Den ausgewählten Alias entfernen (Entf)</translation>
    </message>
    <message>
        <source>Al&amp;ias:</source>
        <translation>Alia&amp;s:</translation>
    </message>
    <message>
        <source>Delivers &amp;to:</source>
        <translation>Zustell&amp;ung an:</translation>
    </message>
    <message>
        <source>Catch-all of each domain</source>
        <translation>Catch-all jeder Domain</translation>
    </message>
    <message>
        <source>Catch-all</source>
        <translation>Catch-all</translation>
    </message>
    <message>
        <source>Mail for addresses of a domain that match no mailbox and no alias goes to its catch-all; without one it is rejected.</source>
        <translation>Mails an Adressen einer Domain, die zu keinem Postfach und keinem Alias passen, gehen an deren Catch-all-Adresse; gibt es keine, werden sie abgelehnt.</translation>
    </message>
    <message>
        <source>Remove Alias</source>
        <translation>Alias entfernen</translation>
    </message>
    <message>
        <source>Could not list the aliases: %1</source>
        <translation>Die Aliasse konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not list the domains: %1</source>
        <translation>Die Domains konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not add the alias %1: %2</source>
        <translation>Der Alias %1 konnte nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>%1 now delivers to %2.</source>
        <translation>%1 wird jetzt an %2 zugestellt.</translation>
    </message>
    <message>
        <source>Remove the alias %1? Mail to it is then rejected, unless a catch-all takes it.</source>
        <translation>Den Alias %1 entfernen? Mails an diese Adresse werden dann abgelehnt, außer eine Catch-all-Adresse nimmt sie an.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Could not remove the alias %1: %2</source>
        <translation>Der Alias %1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation>Alias %1 entfernt.</translation>
    </message>
</context>
<context>
    <name>pw::ui::CatchallEditor</name>
    <message>
        <source>&amp;Catch-all:</source>
        <translation>&amp;Catch-all:</translation>
    </message>
    <message>
        <source>S&amp;et</source>
        <translation>Festle&amp;gen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>mailbox for unknown addresses</source>
        <translation>Postfach für unbekannte Adressen</translation>
    </message>
    <message>
        <source>Deliver mail for addresses of this domain that do not exist to this mailbox</source>
        <translation>Mails an nicht vorhandene Adressen dieser Domain an dieses Postfach zustellen</translation>
    </message>
    <message>
        <source>Reject mail for addresses of this domain that do not exist</source>
        <translation>Mails an nicht vorhandene Adressen dieser Domain ablehnen</translation>
    </message>
    <message>
        <source>Could not set the catch-all: %1</source>
        <translation>Die Catch-all-Adresse konnte nicht gesetzt werden: %1</translation>
    </message>
    <message>
        <source>Mail for unknown addresses of %1 now goes to %2.</source>
        <translation>Mails an unbekannte Adressen von %1 gehen jetzt an %2.</translation>
    </message>
    <message>
        <source>Could not clear the catch-all: %1</source>
        <translation>Die Catch-all-Adresse konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Mail for unknown addresses of %1 is now rejected.</source>
        <translation>Mails an unbekannte Adressen von %1 werden jetzt abgelehnt.</translation>
    </message>
</context>
<context>
    <name>pw::ui::CertificatePanel</name>
    <message>
        <source>Re&amp;load certificate</source>
        <translation>Zertifi&amp;kat neu laden</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Signiert von:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Read the certificate and key files again, after you replaced them</source>
        <translation>Zertifikats- und Schlüsseldatei erneut einlesen, nachdem Sie sie ersetzt haben</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Wird neu geladen…</translation>
    </message>
    <message>
        <source>The certificate was not reloaded: %1</source>
        <translation>Das Zertifikat wurde nicht neu geladen: %1</translation>
    </message>
    <message>
        <source>Reloaded at %1.</source>
        <translation>Neu geladen um %1.</translation>
    </message>
    <message>
        <source>The service is not running.</source>
        <translation>Der Dienst läuft nicht.</translation>
    </message>
    <message>
        <source>The service did not say: %1</source>
        <translation>Der Dienst hat keine Auskunft gegeben: %1</translation>
    </message>
    <message>
        <source>No certificate is in use: no mail listener is configured.</source>
        <translation>Es wird kein Zertifikat verwendet: Es ist keine Empfangsadresse für Mails eingerichtet.</translation>
    </message>
    <message>
        <source>from %1 until %2</source>
        <translation>vom %1 bis %2</translation>
    </message>
    <message>
        <source>itself (self-signed): mail clients warn until a certificate from a certificate authority is configured</source>
        <translation>sich selbst (selbst signiert): Mailprogramme zeigen Warnungen, bis ein Zertifikat einer Zertifizierungsstelle eingerichtet ist</translation>
    </message>
    <message>
        <source>a certificate authority</source>
        <translation>eine Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>The certificate does not name the service&apos;s host name.</source>
        <translation>Das Zertifikat nennt nicht den Hostnamen des Dienstes.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>pw::ui::CheckResultsView</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Select a finding to see what it means and how to fix it.</source>
        <translation>Wählen Sie einen Befund aus, um zu sehen, was er bedeutet und wie Sie ihn beheben.</translation>
    </message>
    <message>
        <source>Show &amp;evidence</source>
        <translation>&amp;Belege anzeigen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Checking… %v of %m</source>
        <translation>Prüfung läuft… %v von %m</translation>
    </message>
    <message>
        <source>%v of %m: %1</source>
        <translation>%v von %m: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfung läuft…</translation>
    </message>
    <message>
        <source>No checks ran.</source>
        <translation>Es wurden keine Prüfungen ausgeführt.</translation>
    </message>
    <message>
        <source>%1 passed, %2 warnings, %3 failed, %4 could not tell, %5 notes</source>
        <translation>%1 in Ordnung, %2 Warnungen, %3 fehlgeschlagen, %4 nicht feststellbar, %5 Hinweise</translation>
    </message>
    <message>
        <source>Something must be fixed.</source>
        <translation>Etwas muss behoben werden.</translation>
    </message>
    <message>
        <source>It works, but some things should be improved.</source>
        <translation>Es funktioniert, aber einiges sollte verbessert werden.</translation>
    </message>
    <message>
        <source>Everything checked is in order.</source>
        <translation>Alles Geprüfte ist in Ordnung.</translation>
    </message>
    <message>
        <source>How to fix it:</source>
        <translation>So beheben Sie es:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cannot tell</source>
        <translation>Nicht feststellbar</translation>
    </message>
</context>
<context>
    <name>pw::ui::DashboardView</name>
    <message numerus="yes">
        <source>%n day(s), %1 h</source>
        <translation>
            <numerusform>%n Tag, %1 Std.</numerusform>
            <numerusform>%n Tage, %1 Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Run &amp;Diagnostics…</source>
        <translation>Diagnose a&amp;usführen…</translation>
    </message>
    <message>
        <source>Mail service</source>
        <translation>Maildienst</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Running for:</source>
        <translation>Läuft seit:</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>Erreichbar unter:</translation>
    </message>
    <message>
        <source>Domains:</source>
        <translation>Domains:</translation>
    </message>
    <message>
        <source>Mailboxes:</source>
        <translation>Postfächer:</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliasse:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Empfangen:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Abgelehnt:</translation>
    </message>
    <message>
        <source>In the queue:</source>
        <translation>In der Warteschlange:</translation>
    </message>
    <message>
        <source>Last diagnostics</source>
        <translation>Letzte Diagnose</translation>
    </message>
    <message>
        <source>Messages per hour, last 24 hours</source>
        <translation>Nachrichten pro Stunde, letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no mail ports (all off in the configuration)</source>
        <translation>keine Mail-Ports (alle in der Konfiguration ausgeschaltet)</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>The service is not running.</source>
        <translation>Der Dienst läuft nicht.</translation>
    </message>
    <message>
        <source>This version of the service does not count messages.</source>
        <translation>Diese Version des Dienstes zählt keine Nachrichten.</translation>
    </message>
    <message>
        <source>No figures: %1</source>
        <translation>Keine Zahlen: %1</translation>
    </message>
    <message>
        <source>This service has no outbound queue yet.</source>
        <translation>Dieser Dienst hat noch keine Warteschlange für ausgehende Mails.</translation>
    </message>
    <message>
        <source>Not run yet. Run the diagnostics to see whether mail to and from your domains works.</source>
        <translation>Noch nicht ausgeführt. Führen Sie die Diagnose aus, um zu sehen, ob Mails an Ihre Domains und von Ihren Domains funktionieren.</translation>
    </message>
    <message>
        <source>Something must be fixed.</source>
        <translation>Etwas muss behoben werden.</translation>
    </message>
    <message>
        <source>It works, but some things should be improved.</source>
        <translation>Es funktioniert, aber einiges sollte verbessert werden.</translation>
    </message>
    <message>
        <source>Some checks could not tell.</source>
        <translation>Einige Prüfungen konnten nichts feststellen.</translation>
    </message>
    <message>
        <source>Everything checked is in order.</source>
        <translation>Alles Geprüfte ist in Ordnung.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
%2 passed, %3 warnings, %4 failed (%5)</source>
        <translation>%1
%2 in Ordnung, %3 Warnungen, %4 fehlgeschlagen (%5)</translation>
    </message>
</context>
<context>
    <name>pw::ui::DeliverabilityScoreView</name>
    <message>
        <source>What a receiving server would note on the test &amp;message:</source>
        <translation>Was ein empfangender Server zur Test&amp;nachricht vermerken würde:</translation>
    </message>
    <message>
        <source>Testing a message</source>
        <translation>Nachricht wird getestet</translation>
    </message>
    <message>
        <source>What cost points</source>
        <translation>Was Punkte kostet</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Authentication-Results of the test message</source>
        <translation>Authentication-Results der Testnachricht</translation>
    </message>
    <message>
        <source>Score: comes when the checks are done</source>
        <translation>Bewertung: folgt, wenn die Prüfungen fertig sind</translation>
    </message>
    <message>
        <source>Score: testing a message from %1…</source>
        <translation>Bewertung: Nachricht von %1 wird getestet…</translation>
    </message>
    <message>
        <source>The test message from %1 could not be checked: %2</source>
        <translation>Die Testnachricht von %1 konnte nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Score: %1 / 10</source>
        <translation>Bewertung: %1 / 10</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Could not tell; this costs no points.</source>
        <translation>Nicht feststellbar; das kostet keine Punkte.</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>So beheben Sie es</translation>
    </message>
    <message>
        <source>Nothing costs points.</source>
        <translation>Nichts kostet Punkte.</translation>
    </message>
</context>
<context>
    <name>pw::ui::DiagnosticsHistoryList</name>
    <message>
        <source>Past diagnostics runs</source>
        <translation>Frühere Diagnoseläufe</translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n in Ordnung</numerusform>
            <numerusform>%n in Ordnung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not tell</source>
        <translation>
            <numerusform>%n nicht feststellbar</numerusform>
            <numerusform>%n nicht feststellbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 — %2
%3</source>
        <translation>%1 — %2
%3</translation>
    </message>
</context>
<context>
    <name>pw::ui::DiagnosticsView</name>
    <message>
        <source>&amp;Run checks</source>
        <translation>Prüfungen &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>Do&amp;main:</translation>
    </message>
    <message>
        <source>Run every check of the setup wizard again for this domain</source>
        <translation>Alle Prüfungen des Einrichtungsassistenten für diese Domain erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>No checks have run yet. Choose a domain and run them.</source>
        <translation>Es wurden noch keine Prüfungen ausgeführt. Wählen Sie eine Domain und starten Sie die Prüfungen.</translation>
    </message>
    <message>
        <source>Asking the service about %1…</source>
        <translation>Der Dienst wird zu %1 befragt…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added to the history.</source>
        <translation>Abgebrochen. Dem Verlauf wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>Checked %1 at %2.</source>
        <translation>%1 um %2 geprüft.</translation>
    </message>
    <message>
        <source>Checked %1 at %2, but the history could not be saved: %3</source>
        <translation>%1 um %2 geprüft, aber der Verlauf konnte nicht gespeichert werden: %3</translation>
    </message>
    <message>
        <source>The service must be running: the checks ask it about itself</source>
        <translation>Der Dienst muss laufen: Die Prüfungen fragen ihn nach Angaben über sich selbst</translation>
    </message>
</context>
<context>
    <name>pw::ui::DnsRecordsPage</name>
    <message>
        <source>&amp;Verify now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>Alle &amp;kopieren</translation>
    </message>
    <message>
        <source>Export &amp;zone file…</source>
        <translation>Zonendatei e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Publish your DNS records</source>
        <translation>Ihre DNS-Einträge veröffentlichen</translation>
    </message>
    <message>
        <source>DNS is the internet&apos;s address book. These entries tell other mail servers where to deliver your mail, and prove that mail from your domain really comes from this server. Add them where you manage your domain (your registrar or DNS provider), then press Verify now.</source>
        <translation>DNS ist das Adressbuch des Internets. Diese Einträge teilen anderen Mailservern mit, wohin sie Ihre Mails zustellen sollen, und belegen, dass Mails von Ihrer Domain wirklich von diesem Server kommen. Tragen Sie sie dort ein, wo Sie Ihre Domain verwalten (bei Ihrem Registrar oder DNS-Anbieter), und klicken Sie dann auf „Jetzt prüfen“.</translation>
    </message>
    <message>
        <source>Records in bold are required: without them mail is lost or lands in spam. Records in italics are optional: they help mail programs find the server and make mail to you safer.</source>
        <translation>Fett gedruckte Einträge sind erforderlich: Ohne sie gehen Mails verloren oder landen im Spam. Kursiv gedruckte Einträge sind optional: Sie helfen Mailprogrammen, den Server zu finden, und machen Mails an Sie sicherer.</translation>
    </message>
    <message>
        <source>Look up every record in DNS now and compare it with what it should be.</source>
        <translation>Jetzt jeden Eintrag im DNS nachschlagen und mit dem Sollwert vergleichen.</translation>
    </message>
    <message>
        <source>Copy all records, in zone-file form, to the clipboard.</source>
        <translation>Alle Einträge im Zonendatei-Format in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <source>Save all records as a zone file that many DNS providers can import.</source>
        <translation>Alle Einträge als Zonendatei speichern, die viele DNS-Anbieter importieren können.</translation>
    </message>
    <message>
        <source>Looking up %v of %m records</source>
        <translation>Eintrag %v von %m wird nachgeschlagen</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Asking the mail service for your records…</source>
        <translation>Der Maildienst wird nach Ihren Einträgen gefragt…</translation>
    </message>
    <message>
        <source>The mail service could not set up %1: %2</source>
        <translation>Der Maildienst konnte %1 nicht einrichten: %2</translation>
    </message>
    <message>
        <source>The mail service could not give the records: %1</source>
        <translation>Der Maildienst konnte die Einträge nicht liefern: %1</translation>
    </message>
    <message>
        <source>Some records cannot be given yet: %1. Go back to the earlier steps to fix this.</source>
        <translation>Einige Einträge können noch nicht angegeben werden: %1. Gehen Sie zu den vorherigen Schritten zurück, um das zu beheben.</translation>
    </message>
    <message>
        <source>The mail service is not running, so DNS cannot be checked with its settings yet.</source>
        <translation>Der Maildienst läuft nicht, daher kann das DNS noch nicht mit seinen Einstellungen geprüft werden.</translation>
    </message>
    <message>
        <source>Looking up your records in DNS…</source>
        <translation>Ihre Einträge werden im DNS nachgeschlagen…</translation>
    </message>
    <message>
        <source>Not checked in DNS yet.</source>
        <translation>Noch nicht im DNS geprüft.</translation>
    </message>
    <message>
        <source>All %1 required records are in DNS (checked at %2). %3 of %4 optional records are published.</source>
        <translation>Alle %1 erforderlichen Einträge sind im DNS (geprüft um %2). %3 von %4 optionalen Einträgen sind veröffentlicht.</translation>
    </message>
    <message>
        <source>%1 of %2 required records are not in DNS yet (checked at %3). Publish them at your DNS provider; changes can take from minutes to hours to show. This page checks again every minute.</source>
        <translation>%1 von %2 erforderlichen Einträgen sind noch nicht im DNS (geprüft um %3). Veröffentlichen Sie sie bei Ihrem DNS-Anbieter; Änderungen können zwischen einigen Minuten und mehreren Stunden brauchen, bis sie sichtbar werden. Diese Seite prüft jede Minute erneut.</translation>
    </message>
    <message>
        <source>All records copied to the clipboard.</source>
        <translation>Alle Einträge wurden in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Export zone file</source>
        <translation>Zonendatei exportieren</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt);;All files (*)</source>
        <translation>Zonendateien (*.zone *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>There are no records to export yet.</source>
        <translation>Es gibt noch keine Einträge zum Exportieren.</translation>
    </message>
    <message>
        <source>; DNS records for %1, made by Postwarden on %2.
; Import them at your DNS provider, or paste them into your zone.
</source>
        <translation>; DNS-Einträge für %1, erstellt von Postwarden am %2.
; Importieren Sie sie bei Ihrem DNS-Anbieter oder fügen Sie sie in Ihre Zone ein.
</translation>
    </message>
    <message>
        <source>The zone file could not be saved: %1</source>
        <translation>Die Zonendatei konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>pw::ui::DomainDetailsPanel</name>
    <message>
        <source>Se&amp;t Postmaster</source>
        <translation>Postmaster &amp;festlegen</translation>
    </message>
    <message>
        <source>DNS records this domain needs</source>
        <translation>DNS-Einträge, die diese Domain braucht</translation>
    </message>
    <message>
        <source>Cop&amp;y as Zone File</source>
        <translation>Als Zonendatei &amp;kopieren</translation>
    </message>
    <message>
        <source>Post&amp;master and abuse:</source>
        <translation>&amp;Postmaster und abuse:</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>DNS-Einträge</translation>
    </message>
    <message>
        <source>Copy every record in the zone file format most DNS providers import</source>
        <translation>Alle Einträge im Zonendatei-Format kopieren, das die meisten DNS-Anbieter importieren</translation>
    </message>
    <message>
        <source>The records of %1 are on the clipboard.</source>
        <translation>Die Einträge von %1 sind in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Select a domain to see its settings and DNS records.</source>
        <translation>Wählen Sie eine Domain aus, um ihre Einstellungen und DNS-Einträge zu sehen.</translation>
    </message>
    <message>
        <source>Could not list the mailboxes: %1</source>
        <translation>Die Postfächer konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not make the DNS records: %1</source>
        <translation>Die DNS-Einträge konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The domain&apos;s first mailbox</source>
        <translation>Das erste Postfach der Domain</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (empfohlen)</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Could not set the postmaster: %1</source>
        <translation>Das Postfach für postmaster@ konnte nicht festgelegt werden: %1</translation>
    </message>
    <message>
        <source>postmaster@%1 and abuse@%1 go to the domain&apos;s first mailbox.</source>
        <translation>postmaster@%1 und abuse@%1 gehen an das erste Postfach der Domain.</translation>
    </message>
    <message>
        <source>postmaster@%1 and abuse@%1 go to %2.</source>
        <translation>postmaster@%1 und abuse@%1 gehen an %2.</translation>
    </message>
</context>
<context>
    <name>pw::ui::DomainPage</name>
    <message>
        <source>Your domain and the mail server&apos;s name</source>
        <translation>Ihre Domain und der Name des Mailservers</translation>
    </message>
    <message>
        <source>Mail addresses end in your domain. The mail server needs a name of its own under it.</source>
        <translation>E-Mail-Adressen enden auf Ihre Domain. Der Mailserver braucht darunter einen eigenen Namen.</translation>
    </message>
    <message>
        <source>Your &lt;b&gt;mail domain&lt;/b&gt; is what comes after the @ in your addresses: for info@example.com it is example.com. The &lt;b&gt;mail host name&lt;/b&gt; is the name of this server on the internet; other mail servers look it up to find and to recognise it. Most people use mail. followed by the domain.</source>
        <translation>Ihre &lt;b&gt;Mail-Domain&lt;/b&gt; ist das, was in Ihren Adressen nach dem @ steht: Bei info@example.com ist es example.com. Der &lt;b&gt;Hostname des Mailservers&lt;/b&gt; ist der Name dieses Servers im Internet; andere Mailserver schlagen ihn nach, um den Server zu finden und zu erkennen. Meist nimmt man mail. gefolgt von der Domain.</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>Mail &amp;domain:</source>
        <translation>Mail-&amp;Domain:</translation>
    </message>
    <message>
        <source>Mail &amp;host name:</source>
        <translation>&amp;Hostname des Mailservers:</translation>
    </message>
    <message>
        <source>The host name is filled in for you as mail.&lt;i&gt;domain&lt;/i&gt;; change it only if you already use another name for this server.</source>
        <translation>Der Hostname wird automatisch als mail.&lt;i&gt;Domain&lt;/i&gt; eingetragen; ändern Sie ihn nur, wenn Sie für diesen Server bereits einen anderen Namen verwenden.</translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; cannot be used: %2.</source>
        <translation>Die Domain „%1“ kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; cannot be used: %2.</source>
        <translation>Der Hostname „%1“ kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <source>The mail service is not running, so nothing can be saved. Start it, then press Next again.</source>
        <translation>Der Maildienst läuft nicht, daher kann nichts gespeichert werden. Starten Sie ihn und klicken Sie dann erneut auf „Weiter“.</translation>
    </message>
    <message>
        <source>Adding %1 to the mail service…</source>
        <translation>%1 wird zum Maildienst hinzugefügt…</translation>
    </message>
    <message>
        <source>The mail service did not list its domains: %1</source>
        <translation>Der Maildienst hat seine Domains nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>The mail service did not add the domain %1: %2</source>
        <translation>Der Maildienst hat die Domain %1 nicht hinzugefügt: %2</translation>
    </message>
</context>
<context>
    <name>pw::ui::DomainsView</name>
    <message>
        <source>&amp;Add Domain</source>
        <translation>Domain hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>Remove the domain with its mailboxes, aliases and DKIM keys (Delete)</source>
        <translation>Die Domain mit ihren Postfächern, Aliassen und DKIM-Schlüsseln entfernen (Entf)</translation>
    </message>
    <message>
        <source>&amp;New domain:</source>
        <translation>&amp;Neue Domain:</translation>
    </message>
    <message>
        <source>Remove Domain</source>
        <translation>Domain entfernen</translation>
    </message>
    <message>
        <source>Could not list the domains: %1</source>
        <translation>Die Domains konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not add %1: %2</source>
        <translation>%1 konnte nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>%1 added, with DKIM keys. Publish its DNS records next.</source>
        <translation>%1 wurde mit DKIM-Schlüsseln hinzugefügt. Veröffentlichen Sie als Nächstes die DNS-Einträge der Domain.</translation>
    </message>
    <message>
        <source>Remove %1 with all its mailboxes, their mail, its aliases and DKIM keys?</source>
        <translation>%1 mit allen Postfächern samt deren Mails, allen Aliassen und DKIM-Schlüsseln entfernen?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>pw::ui::EnsureMailDomain</name>
    <message>
        <source>No mail domain has been chosen yet: go back to the domain step.</source>
        <translation>Es wurde noch keine Mail-Domain gewählt: Gehen Sie zurück zum Schritt mit der Domain.</translation>
    </message>
</context>
<context>
    <name>pw::ui::FinishPage</name>
    <message>
        <source>&amp;Print summary…</source>
        <translation>Zusammenfassung &amp;drucken…</translation>
    </message>
    <message>
        <source>&amp;Save summary as PDF or HTML…</source>
        <translation>Zusammenfassung als PDF oder HTML spei&amp;chern…</translation>
    </message>
    <message>
        <source>Your mail server is ready</source>
        <translation>Ihr Mailserver ist bereit</translation>
    </message>
    <message>
        <source>Give these settings to everyone who has a mailbox here. Mail programs such as Thunderbird, Outlook or the mail app of a phone ask for exactly these.</source>
        <translation>Geben Sie diese Einstellungen allen, die hier ein Postfach haben. Mailprogramme wie Thunderbird, Outlook oder die Mail-App eines Smartphones fragen genau danach.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wofür</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Verbindungssicherheit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Settings for mail programs</source>
        <translation>Einstellungen für Mailprogramme</translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation>Zusammenfassung der Einrichtung</translation>
    </message>
    <message>
        <source>Password: the one chosen for the mailbox. Authentication method: normal password. Mail programs that find the settings by themselves need the optional records of step 5.</source>
        <translation>Passwort: das für das Postfach gewählte. Authentifizierungsmethode: Passwort, normal. Mailprogramme, die die Einstellungen selbst ermitteln, brauchen die optionalen Einträge aus Schritt 5.</translation>
    </message>
    <message>
        <source>Print a summary of the setup: domain, records, mailbox and these settings.</source>
        <translation>Eine Zusammenfassung der Einrichtung drucken: Domain, Einträge, Postfach und diese Einstellungen.</translation>
    </message>
    <message>
        <source>Save the same summary as a PDF or an HTML file.</source>
        <translation>Dieselbe Zusammenfassung als PDF- oder HTML-Datei speichern.</translation>
    </message>
    <message>
        <source>Summary of the setup, as it prints:</source>
        <translation>Zusammenfassung der Einrichtung, wie sie gedruckt wird:</translation>
    </message>
    <message>
        <source>The mail service did not answer, so its ports are not known: %1</source>
        <translation>Der Maildienst hat nicht geantwortet, daher sind seine Ports nicht bekannt: %1</translation>
    </message>
    <message>
        <source>All required DNS records are in place.</source>
        <translation>Alle erforderlichen DNS-Einträge sind vorhanden.</translation>
    </message>
    <message>
        <source>Some required DNS records were not in DNS at the last check. Mail to you may not arrive until they are: go back to step 5 and press Verify now once they are published.</source>
        <translation>Einige erforderliche DNS-Einträge waren bei der letzten Prüfung nicht im DNS. Bis sie dort stehen, kommen Mails an Sie womöglich nicht an: Gehen Sie zurück zu Schritt 5 und klicken Sie auf „Jetzt prüfen“, sobald sie veröffentlicht sind.</translation>
    </message>
    <message>
        <source>The DNS records have not been checked yet: go back to step 5 to check them.</source>
        <translation>Die DNS-Einträge wurden noch nicht geprüft: Gehen Sie zurück zu Schritt 5, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>the whole mail address</source>
        <translation>die vollständige E-Mail-Adresse</translation>
    </message>
    <message>
        <source>The mail service has no port for mail programs switched on; turn on IMAP and submission in step 4.</source>
        <translation>Im Maildienst ist kein Port für Mailprogramme eingeschaltet; schalten Sie in Schritt 4 IMAP und Submission ein.</translation>
    </message>
    <message>
        <source>Mail server summary</source>
        <translation>Zusammenfassung des Mailservers</translation>
    </message>
    <message>
        <source>The summary could not be saved as %1.</source>
        <translation>Die Zusammenfassung konnte nicht als %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>The summary could not be saved: %1</source>
        <translation>Die Zusammenfassung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Summary saved as %1.</source>
        <translation>Zusammenfassung als %1 gespeichert.</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>Zusammenfassung drucken</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>Zusammenfassung speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html *.htm)</source>
        <translation>PDF (*.pdf);;Webseite (*.html *.htm)</translation>
    </message>
</context>
<context>
    <name>pw::ui::HourlyChart</name>
    <message>
        <source>Messages per hour</source>
        <translation>Nachrichten pro Stunde</translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation>Noch keine Zahlen</translation>
    </message>
    <message numerus="yes">
        <source>%1–%2: %n received</source>
        <translation>
            <numerusform>%1–%2: %n empfangen</numerusform>
            <numerusform>%1–%2: %n empfangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n gesendet</numerusform>
            <numerusform>%n gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message numerus="yes">
        <source>Over the last %n hour(s): </source>
        <translation>
            <numerusform>In der letzten %n Stunde: </numerusform>
            <numerusform>In den letzten %n Stunden: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received, </source>
        <translation>
            <numerusform>%n empfangen, </numerusform>
            <numerusform>%n empfangen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent.</source>
        <translation>
            <numerusform>%n gesendet.</numerusform>
            <numerusform>%n gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The busiest hour began at %1.</source>
        <translation>Die Stunde mit den meisten Nachrichten begann um %1.</translation>
    </message>
</context>
<context>
    <name>pw::ui::LogView</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Notices and above</source>
        <translation>Hinweise und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation>Das Protokoll konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Text, address or session</source>
        <translation>Text, Adresse oder Sitzung</translation>
    </message>
    <message>
        <source>Session id</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Hold new records back until you resume</source>
        <translation>Neue Einträge zurückhalten, bis Sie fortsetzen</translation>
    </message>
    <message>
        <source>Save the records shown as text or JSON lines</source>
        <translation>Die angezeigten Einträge als Text oder JSON-Zeilen speichern</translation>
    </message>
    <message>
        <source>Show every line of the selected record&apos;s session together</source>
        <translation>Alle Zeilen der Sitzung des ausgewählten Eintrags zusammen anzeigen</translation>
    </message>
    <message>
        <source>Log records</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>&amp;Back to all records</source>
        <translation>&amp;Zurück zu allen Einträgen</translation>
    </message>
    <message>
        <source>Show all records with the filters above (Esc)</source>
        <translation>Alle Einträge mit den Filtern oben anzeigen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Sess&amp;ion:</source>
        <translation>Si&amp;tzung:</translation>
    </message>
    <message numerus="yes">
        <source>Session %1: %n line(s) in order. New lines of this session appear as they arrive.</source>
        <translation>
            <numerusform>Sitzung %1: %n Zeile in zeitlicher Reihenfolge. Neue Zeilen dieser Sitzung erscheinen, sobald sie eintreffen.</numerusform>
            <numerusform>Sitzung %1: %n Zeilen in zeitlicher Reihenfolge. Neue Zeilen dieser Sitzung erscheinen, sobald sie eintreffen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 von %n Eintrag</numerusform>
            <numerusform>%1 von %n Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused, %n new record(s) held back</source>
        <translation>
            <numerusform>pausiert, %n neuer Eintrag zurückgehalten</numerusform>
            <numerusform>pausiert, %n neue Einträge zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Text (*.log *.txt)</source>
        <translation>Text (*.log *.txt)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON-Zeilen (*.jsonl)</translation>
    </message>
    <message>
        <source>Sho&amp;w session</source>
        <translation>Sitzung anzei&amp;gen</translation>
    </message>
    <message>
        <source>Fil&amp;ter:</source>
        <translation>&amp;Filter:</translation>
    </message>
</context>
<context>
    <name>pw::ui::MailboxDialog</name>
    <message>
        <source>New Mailbox</source>
        <translation>Neues Postfach</translation>
    </message>
    <message>
        <source>Set Password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>Set Quota</source>
        <translation>Kontingent festlegen</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation>&amp;Kontingent:</translation>
    </message>
    <message>
        <source>Type the mailbox&apos;s address.</source>
        <translation>Geben Sie die Adresse des Postfachs ein.</translation>
    </message>
    <message>
        <source>An address looks like name@example.com.</source>
        <translation>Eine Adresse sieht so aus: name@example.com.</translation>
    </message>
    <message>
        <source>Type a password, then type it again.</source>
        <translation>Geben Sie ein Passwort ein und wiederholen Sie es.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>pw::ui::MailboxesView</name>
    <message>
        <source>&amp;New Mailbox…</source>
        <translation>&amp;Neues Postfach…</translation>
    </message>
    <message>
        <source>Set &amp;Password…</source>
        <translation>&amp;Passwort festlegen…</translation>
    </message>
    <message>
        <source>Set &amp;Quota…</source>
        <translation>&amp;Kontingent festlegen…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Deak&amp;tivieren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Give the mailbox a new password (Enter)</source>
        <translation>Dem Postfach ein neues Passwort geben (Enter)</translation>
    </message>
    <message>
        <source>Remove the mailbox and its mail (Delete)</source>
        <translation>Das Postfach mit seinen Mails entfernen (Entf)</translation>
    </message>
    <message>
        <source>Remove Mailbox</source>
        <translation>Postfach entfernen</translation>
    </message>
    <message>
        <source>Could not list the mailboxes: %1</source>
        <translation>Die Postfächer konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not list the domains: %1</source>
        <translation>Die Domains konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Ak&amp;tivieren</translation>
    </message>
    <message>
        <source>Let the mailbox receive mail and log in again</source>
        <translation>Das Postfach wieder für Mailempfang und Anmeldung freigeben</translation>
    </message>
    <message>
        <source>Stop the mailbox receiving mail and logging in; its mail stays</source>
        <translation>Mailempfang und Anmeldung für das Postfach sperren; seine Mails bleiben erhalten</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Mailbox %1 created.</source>
        <translation>Postfach %1 angelegt.</translation>
    </message>
    <message>
        <source>Could not change the password of %1: %2</source>
        <translation>Das Passwort von %1 konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>The password of %1 is changed.</source>
        <translation>Das Passwort von %1 wurde geändert.</translation>
    </message>
    <message>
        <source>Could not set the quota of %1: %2</source>
        <translation>Das Kontingent von %1 konnte nicht festgelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 has no quota now.</source>
        <translation>%1 hat jetzt kein Kontingent mehr.</translation>
    </message>
    <message>
        <source>The quota of %1 is set.</source>
        <translation>Das Kontingent von %1 wurde festgelegt.</translation>
    </message>
    <message>
        <source>Could not disable %1: %2</source>
        <translation>%1 konnte nicht deaktiviert werden: %2</translation>
    </message>
    <message>
        <source>Could not enable %1: %2</source>
        <translation>%1 konnte nicht aktiviert werden: %2</translation>
    </message>
    <message>
        <source>%1 is disabled: it receives no mail and cannot log in.</source>
        <translation>Postfach %1 ist deaktiviert: Es empfängt keine Mails und kann sich nicht anmelden.</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>Postfach %1 ist wieder aktiviert.</translation>
    </message>
    <message>
        <source>Remove %1 and all its mail?</source>
        <translation>%1 mit allen Mails entfernen?</translation>
    </message>
    <message>
        <source>This cannot be undone. To keep the mail, disable the mailbox instead.</source>
        <translation>Dies kann nicht rückgängig gemacht werden. Um die Mails zu behalten, deaktivieren Sie das Postfach stattdessen.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>pw::ui::MainWindow</name>
    <message>
        <source>Postwarden</source>
        <translation>Postwarden</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>It could not be started: %1</source>
        <translation>Er konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>D&amp;ienst</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Postwarden</source>
        <translation>Ü&amp;ber Postwarden</translation>
    </message>
    <message>
        <source>About Postwarden</source>
        <translation>Über Postwarden</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Postwarden %1&lt;/h3&gt;&lt;p&gt;Run your own mail server and know that it works.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Postwarden %1&lt;/h3&gt;&lt;p&gt;Betreiben Sie Ihren eigenen Mailserver – und wissen Sie, dass er funktioniert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Verbindung zum Dienst wird hergestellt…</translation>
    </message>
    <message>
        <source>Starting the service…</source>
        <translation>Dienst wird gestartet…</translation>
    </message>
    <message>
        <source>Service running</source>
        <translation>Dienst läuft</translation>
    </message>
    <message>
        <source>Service stopped</source>
        <translation>Dienst gestoppt</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Set &amp;Up…</source>
        <translation>&amp;Einrichten…</translation>
    </message>
    <message>
        <source>Walk through the setup: network, domain, DNS records, mailboxes, test</source>
        <translation>Schritt für Schritt einrichten: Netzwerk, Domain, DNS-Einträge, Postfächer, Test</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
</context>
<context>
    <name>pw::ui::NetworkPage</name>
    <message>
        <source>The server&apos;s internet address</source>
        <translation>Die Internetadresse des Servers</translation>
    </message>
    <message>
        <source>Other mail servers reach yours at its public IP address, and judge it by that address.</source>
        <translation>Andere Mailserver erreichen Ihren Server über seine öffentliche IP-Adresse und beurteilen ihn nach dieser Adresse.</translation>
    </message>
    <message>
        <source>A mail server needs a &lt;b&gt;public IP address that never changes&lt;/b&gt; (a static address). Large mail providers also look the address up backwards (&lt;b&gt;reverse DNS&lt;/b&gt;, a PTR record) and expect to find the mail host name there.</source>
        <translation>Ein Mailserver braucht eine &lt;b&gt;öffentliche IP-Adresse, die sich nie ändert&lt;/b&gt; (eine feste Adresse). Große Mailanbieter schlagen die Adresse außerdem rückwärts nach (&lt;b&gt;Reverse-DNS&lt;/b&gt;, ein PTR-Eintrag) und erwarten dort den Hostnamen des Mailservers.</translation>
    </message>
    <message>
        <source>for example 203.0.113.7, 2001:db8::7</source>
        <translation>zum Beispiel 203.0.113.7, 2001:db8::7</translation>
    </message>
    <message>
        <source>Public add&amp;resses:</source>
        <translation>Öffentliche &amp;Adressen:</translation>
    </message>
    <message>
        <source>&amp;Use these</source>
        <translation>Diese &amp;übernehmen</translation>
    </message>
    <message>
        <source>Enter the detected addresses above.</source>
        <translation>Trägt die erkannten Adressen oben ein.</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Erkannt:</translation>
    </message>
    <message>
        <source>&lt;b&gt;The reverse DNS (PTR) record is not set where you manage your domain&apos;s DNS records.&lt;/b&gt; It belongs to the IP address, so only the company the address comes from can set it: the hosting provider where the server is rented (or your internet provider). Look in &lt;i&gt;their&lt;/i&gt; control panel for &quot;Reverse DNS&quot;, &quot;rDNS&quot; or &quot;PTR&quot;, or ask their support, and ask for exactly this:</source>
        <translation>&lt;b&gt;Der Reverse-DNS-Eintrag (PTR) wird nicht dort gesetzt, wo Sie die DNS-Einträge Ihrer Domain verwalten.&lt;/b&gt; Er gehört zur IP-Adresse, deshalb kann ihn nur das Unternehmen setzen, von dem die Adresse stammt: der Hosting-Anbieter, bei dem der Server gemietet ist (oder Ihr Internetprovider). Suchen Sie in &lt;i&gt;dessen&lt;/i&gt; Kundenmenü nach „Reverse DNS“, „rDNS“ oder „PTR“, oder fragen Sie den Support, und bitten Sie um genau Folgendes:</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Not an IP address: %1. Enter addresses like 203.0.113.7, separated by commas.</source>
        <translation>Keine IP-Adresse: %1. Geben Sie Adressen wie 203.0.113.7 ein, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>%1 points to: %2. Public addresses on this computer: %3.</source>
        <translation>%1 zeigt auf: %2. Öffentliche Adressen auf diesem Computer: %3.</translation>
    </message>
    <message>
        <source>The host name</source>
        <translation>Der Hostname</translation>
    </message>
    <message>
        <source>nothing yet (no A or AAAA record)</source>
        <translation>noch nichts (kein A- oder AAAA-Eintrag)</translation>
    </message>
    <message>
        <source>none (it is behind a router, or the addresses are private)</source>
        <translation>keine (er steht hinter einem Router, oder die Adressen sind privat)</translation>
    </message>
    <message>
        <source>your mail host name</source>
        <translation>den Hostnamen Ihres Mailservers</translation>
    </message>
    <message>
        <source>PTR record of %1: %2</source>
        <translation>PTR-Eintrag von %1: %2</translation>
    </message>
    <message>
        <source>PTR record of the server&apos;s IP address: %1</source>
        <translation>PTR-Eintrag der IP-Adresse des Servers: %1</translation>
    </message>
    <message>
        <source>The mail service is not running, so nothing can be saved. Start it, then press Next again.</source>
        <translation>Der Maildienst läuft nicht, daher kann nichts gespeichert werden. Starten Sie ihn und klicken Sie dann erneut auf „Weiter“.</translation>
    </message>
</context>
<context>
    <name>pw::ui::PortsPage</name>
    <message>
        <source>Incoming mail from other servers (SMTP)</source>
        <translation>Eingehende Mails von anderen Servern (SMTP)</translation>
    </message>
    <message>
        <source>Sending from your mail programs (submission)</source>
        <translation>Versand aus Ihren Mailprogrammen (submission)</translation>
    </message>
    <message>
        <source>Sending from your mail programs, encrypted from the start (submissions)</source>
        <translation>Versand aus Ihren Mailprogrammen, von Anfang an verschlüsselt (submissions)</translation>
    </message>
    <message>
        <source>Reading mail in your mail programs (IMAP)</source>
        <translation>Mails lesen in Ihren Mailprogrammen (IMAP)</translation>
    </message>
    <message>
        <source>Reading mail, encrypted from the start (IMAPS)</source>
        <translation>Mails lesen, von Anfang an verschlüsselt (IMAPS)</translation>
    </message>
    <message>
        <source>From inside, a check cannot always tell whether the internet reaches these ports: behind a router (NAT) a computer often cannot reach its own public address, and your provider&apos;s firewall is not seen from here. To be sure, run this on &lt;b&gt;another computer outside this network&lt;/b&gt; (a laptop on a phone&apos;s hotspot will do) with Postwarden installed; every port should say &quot;open&quot;:</source>
        <translation>Von innen kann eine Prüfung nicht immer feststellen, ob diese Ports aus dem Internet erreichbar sind: Hinter einem Router (NAT) kann ein Computer seine eigene öffentliche Adresse oft nicht erreichen, und die Firewall Ihres Providers ist von hier aus nicht zu sehen. Um sicherzugehen, führen Sie Folgendes auf &lt;b&gt;einem anderen Computer außerhalb dieses Netzes&lt;/b&gt; aus, auf dem Postwarden installiert ist (ein Laptop am Hotspot eines Handys genügt); bei jedem Port sollte „offen“ (bzw. „open“) stehen:</translation>
    </message>
    <message>
        <source>Ports: can mail get in and out?</source>
        <translation>Ports: Kommen Mails hinein und hinaus?</translation>
    </message>
    <message>
        <source>Mail travels through numbered doors called ports. They must be open in both directions.</source>
        <translation>Mails laufen durch nummerierte Türen, die Ports heißen. Sie müssen in beide Richtungen offen sein.</translation>
    </message>
    <message>
        <source>Other mail servers deliver to port 25. Your mail programs send through port 587 or 465 and read mail through port 993. Your server itself sends to port 25 of other servers, which some providers block.</source>
        <translation>Andere Mailserver liefern an Port 25. Ihre Mailprogramme versenden über Port 587 oder 465 und lesen Mails über Port 993. Ihr Server selbst versendet an Port 25 anderer Server, den manche Provider sperren.</translation>
    </message>
    <message>
        <source>What the mail service &amp;listens on:</source>
        <translation>&amp;Empfangsadressen des Maildienstes:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Copy command</source>
        <translation>Befehl &amp;kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outgoing port 25 is blocked: your server cannot hand mail to other servers directly.&lt;/b&gt; Receiving is not affected. Ask your provider to unblock it for this server, or send through a &lt;b&gt;relay&lt;/b&gt; (also called a &lt;b&gt;smart host&lt;/b&gt;): another mail server, your provider&apos;s or a sending service&apos;s, that your server logs in to (usually on port 587) and that delivers the mail for it. You need its host name, port, user name and password.</source>
        <translation>&lt;b&gt;Ausgehender Port 25 ist gesperrt: Ihr Server kann Mails nicht direkt an andere Server übergeben.&lt;/b&gt; Der Empfang ist davon nicht betroffen. Bitten Sie Ihren Provider, den Port für diesen Server freizuschalten, oder versenden Sie über ein &lt;b&gt;Relay&lt;/b&gt; (auch &lt;b&gt;Smarthost&lt;/b&gt; genannt): einen anderen Mailserver, etwa den Ihres Providers oder eines Versanddienstes, bei dem sich Ihr Server anmeldet (meist auf Port 587) und der die Mails für ihn zustellt. Dafür brauchen Sie dessen Hostnamen, Port, Benutzernamen und Passwort.</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>Nothing: every mail listener is switched off.</source>
        <translation>Keine: Alle Mail-Empfangsadressen sind ausgeschaltet.</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>empfangsbereit</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot tell from inside.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Von innen nicht feststellbar.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>pw::ui::QuotaBarDelegate</name>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>pw::ui::QuotaSpinBox</name>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Storage the mailbox may use, in MiB; 0 means no limit</source>
        <translation>Speicherplatz, den das Postfach belegen darf, in MiB; 0 bedeutet unbegrenzt</translation>
    </message>
</context>
<context>
    <name>pw::ui::RecordsTable</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Found in DNS</source>
        <translation>Im DNS gefunden</translation>
    </message>
    <message>
        <source>DNS records to publish</source>
        <translation>Zu veröffentlichende DNS-Einträge</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Erforderlich.</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>Optional.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the value of the %1 record for %2</source>
        <translation>Den Wert des %1-Eintrags für %2 kopieren</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Abweichend</translation>
    </message>
    <message>
        <source>Cannot tell</source>
        <translation>Nicht feststellbar</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>DNS answers with exactly this record.</source>
        <translation>Das DNS antwortet mit genau diesem Eintrag.</translation>
    </message>
    <message>
        <source>DNS has no such record yet. Publish it at your DNS provider; it can take a while to show.</source>
        <translation>Im DNS gibt es diesen Eintrag noch nicht. Veröffentlichen Sie ihn bei Ihrem DNS-Anbieter; es kann eine Weile dauern, bis er sichtbar wird.</translation>
    </message>
    <message>
        <source>DNS has a record here, but not this one. Replace it with the value shown.</source>
        <translation>Im DNS steht hier ein Eintrag, aber nicht dieser. Ersetzen Sie ihn durch den angezeigten Wert.</translation>
    </message>
    <message>
        <source>The lookup failed: %1. Try again in a moment.</source>
        <translation>Die Abfrage ist fehlgeschlagen: %1. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
</context>
<context>
    <name>pw::ui::ServiceBanner</name>
    <message>
        <source>&amp;Start the service</source>
        <translation>Dienst &amp;starten</translation>
    </message>
    <message>
        <source>The mail service is not running. Mail is not being received or sent.</source>
        <translation>Der Maildienst läuft nicht. Es werden keine E-Mails empfangen oder gesendet.</translation>
    </message>
    <message>
        <source>Starting the mail service…</source>
        <translation>Der Maildienst wird gestartet…</translation>
    </message>
</context>
<context>
    <name>pw::ui::ServiceConfigEditor</name>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Configuration settings</source>
        <translation>Konfigurationseinstellungen</translation>
    </message>
    <message>
        <source>Double-click a value or press F2 to change it</source>
        <translation>Doppelklicken Sie auf einen Wert oder drücken Sie F2, um ihn zu ändern</translation>
    </message>
    <message>
        <source>Read a&amp;gain</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Read the configuration file again</source>
        <translation>Die Konfigurationsdatei neu einlesen</translation>
    </message>
    <message>
        <source>The configuration file has changes the running service does not use yet. Restart the service to apply them.</source>
        <translation>Die Konfigurationsdatei enthält Änderungen, die der laufende Dienst noch nicht verwendet. Starten Sie den Dienst neu, um sie zu übernehmen.</translation>
    </message>
    <message>
        <source>Restart &amp;now</source>
        <translation>&amp;Jetzt neu starten</translation>
    </message>
    <message>
        <source>Configuration file: —</source>
        <translation>Konfigurationsdatei: —</translation>
    </message>
    <message>
        <source>The configuration could not be read: %1</source>
        <translation>Die Konfiguration konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Configuration file: %1</source>
        <translation>Konfigurationsdatei: %1</translation>
    </message>
    <message>
        <source>The file has errors: %1</source>
        <translation>Die Datei enthält Fehler: %1</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Sett&amp;ings (double-click or F2 to change a value):</source>
        <translation>&amp;Einstellungen (Doppelklick oder F2 ändert einen Wert):</translation>
    </message>
</context>
<context>
    <name>pw::ui::ServiceView</name>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Start the mail service on this data directory</source>
        <translation>Den Maildienst mit diesem Datenverzeichnis starten</translation>
    </message>
    <message>
        <source>Stop the mail service: no mail is received or sent until it runs again</source>
        <translation>Den Maildienst stoppen: Bis er wieder läuft, werden keine Mails empfangen oder versendet</translation>
    </message>
    <message>
        <source>Stop the service and start it again, with the configuration file as it is now</source>
        <translation>Den Dienst stoppen und wieder starten, mit der Konfigurationsdatei in ihrem jetzigen Stand</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>The service did not stop. See the log for why.</source>
        <translation>Der Dienst wurde nicht gestoppt. Den Grund finden Sie im Protokoll.</translation>
    </message>
    <message>
        <source>The service could not be started: %1</source>
        <translation>Der Dienst konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>Wird neu gestartet…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>&amp;Starten</translation>
    </message>
</context>
<context>
    <name>pw::ui::SetupSummary</name>
    <message>
        <source>Incoming mail (IMAP)</source>
        <translation>Eingehende Mails (IMAP)</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Ausgehende Mails (SMTP)</translation>
    </message>
</context>
<context>
    <name>pw::ui::SetupWizard</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Domain and host name</source>
        <translation>Domain und Hostname</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>DNS-Einträge</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Set up Postwarden</source>
        <translation>Postwarden einrichten</translation>
    </message>
</context>
<context>
    <name>pw::ui::StatusView</name>
    <message numerus="yes">
        <source>%n day(s), %1 h %2 min</source>
        <translation>
            <numerusform>%n Tag, %1 Std. %2 Min.</numerusform>
            <numerusform>%n Tage, %1 Std. %2 Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 Sek.</translation>
    </message>
    <message>
        <source>Mail service</source>
        <translation>Maildienst</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Process ID:</source>
        <translation>Prozess-ID:</translation>
    </message>
    <message>
        <source>Running for:</source>
        <translation>Läuft seit:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Counts:</source>
        <translation>Statistik:</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Empfangsadressen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>admin connections: %1, log records: %2, events: %3</source>
        <translation>Verwaltungsverbindungen: %1, Protokolleinträge: %2, Ereignisse: %3</translation>
    </message>
</context>
<context>
    <name>pw::ui::TestPage</name>
    <message>
        <source>Test everything together</source>
        <translation>Alles zusammen testen</translation>
    </message>
    <message>
        <source>Postwarden now checks all of it at once: your DNS records, your server&apos;s name and address, whether your address is on a blocklist (a list of senders other servers refuse mail from), and whether the mail ports answer. Select a finding to see what it means and how to fix it.</source>
        <translation>Postwarden prüft jetzt alles auf einmal: Ihre DNS-Einträge, Namen und Adresse Ihres Servers, ob Ihre Adresse auf einer Sperrliste steht (einer Liste von Absendern, deren Mails andere Server ablehnen) und ob die Mail-Ports antworten. Wählen Sie ein Ergebnis aus, um zu sehen, was es bedeutet und wie Sie es beheben.</translation>
    </message>
    <message>
        <source>Checking… this takes up to a minute.</source>
        <translation>Wird geprüft… das dauert bis zu einer Minute.</translation>
    </message>
    <message>
        <source>No checks ran.</source>
        <translation>Es wurden keine Prüfungen ausgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) must be fixed before mail works reliably. Select each one below to see how.</source>
        <translation>
            <numerusform>%n Problem muss behoben werden, damit Mails zuverlässig funktionieren. Wählen Sie es unten aus, um zu sehen, wie.</numerusform>
            <numerusform>%n Probleme müssen behoben werden, damit Mails zuverlässig funktionieren. Wählen Sie sie unten einzeln aus, um zu sehen, wie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mail works, but %n thing(s) should be improved so that your mail is not taken for spam.</source>
        <translation>
            <numerusform>Mails funktionieren, aber %n Punkt sollte verbessert werden, damit Ihre Mails nicht für Spam gehalten werden.</numerusform>
            <numerusform>Mails funktionieren, aber %n Punkte sollten verbessert werden, damit Ihre Mails nicht für Spam gehalten werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is wrong, but %n check(s) could not tell from here; see below why.</source>
        <translation>
            <numerusform>Es ist nichts falsch, aber %n Prüfung konnte von hier aus kein Ergebnis feststellen; den Grund sehen Sie unten.</numerusform>
            <numerusform>Es ist nichts falsch, aber %n Prüfungen konnten von hier aus kein Ergebnis feststellen; den Grund sehen Sie unten.</numerusform>
        </translation>
    </message>
    <message>
        <source>All good: your server is ready to send and receive mail.</source>
        <translation>Alles in Ordnung: Ihr Server ist bereit, Mails zu senden und zu empfangen.</translation>
    </message>
    <message>
        <source>The score comes from Postwarden&apos;s scoring engine, like the one mail-tester.com gives for a test mail: Postwarden writes a test message from your mailbox, signs it as it signs your mail, and checks it as a receiving server would. The message is not sent anywhere. The score rates how other servers will judge the mail you send; what stops mail from reaching you (MX, ports) is in the list below and costs no points here.</source>
        <translation>Die Bewertung stammt aus Postwardens Bewertungsmodul, ähnlich der, die mail-tester.com für eine Testmail vergibt: Postwarden schreibt eine Testnachricht aus Ihrem Postfach, signiert sie wie Ihre Mails und prüft sie wie ein empfangender Server. Die Nachricht wird nirgendwohin gesendet. Die Bewertung zeigt, wie andere Server die Mails beurteilen werden, die Sie senden; was Mails daran hindert, Sie zu erreichen (MX, Ports), steht in der Liste unten und kostet hier keine Punkte.</translation>
    </message>
</context>
<context>
    <name>pw::ui::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>This assistant sets up your own mail server, step by step, and checks every step.</source>
        <translation>Dieser Assistent richtet Schritt für Schritt Ihren eigenen Mailserver ein und prüft jeden Schritt.</translation>
    </message>
    <message>
        <source>When you are done, mail to your own addresses (like info@your-business.com) arrives on this server, and mail you send from it reaches other people&apos;s inboxes instead of their spam folder.</source>
        <translation>Wenn Sie fertig sind, kommen Mails an Ihre eigenen Adressen (wie info@ihre-firma.de) auf diesem Server an, und Mails, die Sie von ihm aus versenden, landen im Posteingang der Empfänger statt in deren Spam-Ordner.</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was passiert</translation>
    </message>
    <message>
        <source>You enter your domain and the name of this mail server.</source>
        <translation>Sie geben Ihre Domain und den Namen dieses Mailservers ein.</translation>
    </message>
    <message>
        <source>The assistant checks the server&apos;s internet address, its reverse DNS (PTR) and its ports.</source>
        <translation>Der Assistent prüft die Internetadresse des Servers, sein Reverse-DNS (PTR) und seine Ports.</translation>
    </message>
    <message>
        <source>It shows the DNS records to publish for your domain, and checks them.</source>
        <translation>Er zeigt die DNS-Einträge, die Sie für Ihre Domain veröffentlichen müssen, und prüft sie.</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Was Sie brauchen</translation>
    </message>
    <message>
        <source>A domain of your own, and the login to where its DNS records are managed (often the company you bought the domain from).</source>
        <translation>Eine eigene Domain und die Zugangsdaten für die Stelle, an der ihre DNS-Einträge verwaltet werden (oft das Unternehmen, bei dem Sie die Domain gekauft haben).</translation>
    </message>
    <message>
        <source>A server with a fixed (static) public IP address, and the login to the control panel of the company where the server is rented or your internet provider.</source>
        <translation>Einen Server mit einer festen (statischen) öffentlichen IP-Adresse und die Zugangsdaten für das Kundenmenü des Unternehmens, bei dem der Server gemietet ist, oder Ihres Internetproviders.</translation>
    </message>
    <message>
        <source>About half an hour. Changes to DNS records can take a while to show up; you can stop at any time and continue later where you left off.</source>
        <translation>Etwa eine halbe Stunde. Änderungen an DNS-Einträgen können eine Weile brauchen, bis sie sichtbar werden; Sie können jederzeit aufhören und später an derselben Stelle weitermachen.</translation>
    </message>
    <message>
        <source>Every result shows what it means and how to fix it; press &quot;Check again&quot; after you changed something.</source>
        <translation>Jedes Ergebnis zeigt, was es bedeutet und wie Sie es beheben; klicken Sie auf „Erneut prüfen“, nachdem Sie etwas geändert haben.</translation>
    </message>
    <message>
        <source>You create the mail accounts, and a last run of every check shows that everything works together.</source>
        <translation>Sie legen die Mail-Konten an, und ein letzter Durchlauf aller Prüfungen zeigt, dass alles zusammen funktioniert.</translation>
    </message>
</context>
<context>
    <name>pw::ui::WizardCheckPanel</name>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Run these checks again, for example after you changed a DNS record.</source>
        <translation>Diese Prüfungen erneut ausführen, zum Beispiel nachdem Sie einen DNS-Eintrag geändert haben.</translation>
    </message>
    <message>
        <source>The mail service is not running, so nothing can be checked yet. The checks run as soon as it is back.</source>
        <translation>Der Maildienst läuft nicht, daher kann noch nichts geprüft werden. Die Prüfungen starten, sobald er wieder läuft.</translation>
    </message>
    <message>
        <source>asking the mail service what to check</source>
        <translation>der Maildienst wird gefragt, was zu prüfen ist</translation>
    </message>
</context>
<context>
    <name>pw::ui::WizardSaveStatus</name>
    <message>
        <source>&lt;b&gt;Not saved.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nicht gespeichert.&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>pw::ui::WizardSettingsWriter</name>
    <message>
        <source>The mail service did not start again within a minute. Look at the log in the console, then try again.</source>
        <translation>Der Maildienst ist nicht innerhalb einer Minute wieder gestartet. Sehen Sie sich das Protokoll in der Konsole an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Saving the settings…</source>
        <translation>Die Einstellungen werden gespeichert…</translation>
    </message>
    <message>
        <source>The mail service did not save the settings: %1</source>
        <translation>Der Maildienst hat die Einstellungen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Restarting the mail service so that it uses the new settings…</source>
        <translation>Der Maildienst wird neu gestartet, damit er die neuen Einstellungen verwendet…</translation>
    </message>
    <message>
        <source>The mail service did not start again: %1</source>
        <translation>Der Maildienst ist nicht wieder gestartet: %1</translation>
    </message>
</context>
<context>
    <name>pw::ui::WizardStepList</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Setup steps</source>
        <translation>Einrichtungsschritte</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
</TS>
