package dev.evalgate.targets.http;

import com.samskivert.mustache.Template;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Interruptible;
import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.targets.internal.HttpTransport;
import dev.evalgate.targets.internal.StandIns;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Any JSON service: one templated request per call, the answer read by JSONPath. */
final class HttpTarget implements Target, Interruptible {

    private final String method;
    private final Template url;
    private final Map<String, String> headers;
    private final BodyTemplate body;
    private final ResponseReader reader;
    private final HttpTransport transport;
    private final URI standIn;

    HttpTarget(String method, Template url, Map<String, String> headers, BodyTemplate body, ResponseReader reader,
               HttpTransport transport) {
        this(method, url, headers, body, reader, transport, null);
    }

    private HttpTarget(String method, Template url, Map<String, String> headers, BodyTemplate body,
                       ResponseReader reader, HttpTransport transport, URI standIn) {
        this.standIn = standIn;
        this.method = method;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.reader = reader;
        this.transport = transport;
    }

    @Override
    public Reply call(Request request) throws InterruptedException {
        Map<String, Object> vars = Templates.vars(request);
        URI uri = uri(Templates.execute(url, vars, request.kase(), "url"));
        if (standIn != null) {
            uri = StandIns.rebase(uri, standIn);
        }
        byte[] bytes = body == null ? null : body.render(vars, request.kase()).getBytes(StandardCharsets.UTF_8);
        return transport.reply(transport.request(method, uri, headers, bytes), reader::parse);
    }

    /** Opens connections to the URL of the run's first case (most URLs are the same for every case). */
    @Override
    public void connect(Request probe, int connections) throws InterruptedException {
        if (probe != null && standIn == null) {
            transport.open(uri(Templates.execute(url, Templates.vars(probe), probe.kase(), "url")), connections);
        }
    }

    private URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw transport.masked(TargetException.fatal("bad_url", "the target's 'url' rendered to '" + text
                    + "', which is not a valid URL: " + e.getReason()));
        }
    }

    /** The same templates, reader and transport, every call sent to the stand-in's host and port. */
    @Override
    public Optional<Rehearsal> rehearsal(URI standInUri) {
        HttpTarget copy = new HttpTarget(method, url, headers, body, reader, transport, standInUri);
        return Optional.of(new Rehearsal(copy::call, reader.standInReply(),
                reader.readsToolCalls() ? reader::standInReply : null));
    }

    @Override
    public void close() {
        transport.close();
    }
}
