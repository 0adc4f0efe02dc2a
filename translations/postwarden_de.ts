<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>LogMethods</name>
    <message>
        <source>&quot;%1&quot; must be a number from 0 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;level&quot; must be debug, info, notice, warning or error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be &quot;2.0&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string, a number or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object or an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message needs &quot;method&quot;, &quot;result&quot; or &quot;error&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not [address]:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid port (1-65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: malformed section header &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: expected key = value, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: key outside of any [section]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: [%2] %3 is set twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another postwardend (pid %1) is already running on this data directory (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the lock file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: [%2] %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of debug, info, notice, warning, error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: unknown setting [%2] %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[tls] cert and key must be set together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed its integrity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database error in &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Postwarden mail service: SMTP, IMAP, queue and the control socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file (default: postwarden.conf in the data directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay in the foreground and log to standard error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received signal %1, shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postwarden setup wizard and admin console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s data directory (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control socket of the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not start the service when it is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window once the service&apos;s status is shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::app::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::app::ServiceManager</name>
    <message>
        <source>the service exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::control::ControlClient</name>
    <message>
        <source>disconnected from the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent a message larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client has no methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to the service was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no service is listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::ctl</name>
    <message>
        <source>%1d %2h %3m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postwardend %1 running, pid %2, up %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  data directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  configuration:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  host name:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  listener:       %1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lines needs a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown argument to logs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service went away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shutdown takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the service&apos;s version, uptime, listeners and counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print recent log records; --follow keeps printing new ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop the service cleanly</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; is postwardend running? Start it with: postwardend --data-dir %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::service::ControlConnection</name>
    <message>
        <source>request larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>params must be an object with named members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::service::ControlServer</name>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot restrict %1 to mode 0600</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::service::Service</name>
    <message>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set mode 0700 on the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the default configuration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused a control connection from uid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postwardend %1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postwardend stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shutdown requested over the control socket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::ui::LogView</name>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by text, address or session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::ui::MainWindow</name>
    <message>
        <source>Postwarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Postwarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Postwarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Postwarden %1&lt;/h3&gt;&lt;p&gt;Run your own mail server and know that it works.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::ui::ServiceBanner</name>
    <message>
        <source>&amp;Start the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail service is not running. Mail is not being received or sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the mail service…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pw::ui::StatusView</name>
    <message numerus="yes">
        <source>%n day(s), %1 h %2 min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admin connections, %2 log records, %3 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
