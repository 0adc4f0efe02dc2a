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
        <source>DKIM: %1 further signatures were not evaluated</source>
        <translation>DKIM: %1 weitere Signaturen wurden nicht ausgewertet</translation>
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
        <source>&amp;Show:</source>
        <translation>A&amp;nzeigen:</translation>
    </message>
    <message>
        <source>Filter by text, address or session</source>
        <translation>Nach Text, Adresse oder Sitzung filtern</translation>
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
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation>Das Protokoll konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>pw::ui::MainWindow</name>
    <message>
        <source>Postwarden</source>
        <translation>Postwarden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <source>%1 admin connections, %2 log records, %3 events</source>
        <translation>%1 Admin-Verbindungen, %2 Protokolleinträge, %3 Ereignisse</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
</TS>
