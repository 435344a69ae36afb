package org.coordscope.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coordscope.explore.ClusterGraph;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * A {@link ClusterGraph} as GEXF 1.2 or GraphML through jgrapht-io, for Gephi and other tools: nodes keyed by account
 * id with {@code label} (screen name), {@code cluster}, {@code score}, {@code strength}; undirected weighted edges
 * with {@code signals} (comma-separated), {@code firstAt} and {@code lastAt}.
 */
public final class GraphExport {

    public static final List<String> FORMATS = List.of("gexf", "graphml");

    /** The attributes besides label and weight: on nodes or edges, numbers or text. */
    private record Column(String name, boolean node, boolean number) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("cluster", true, false),
            new Column("score", true, true),
            new Column("strength", true, true),
            new Column("signals", false, false),
            new Column("firstAt", false, false),
            new Column("lastAt", false, false));

    private GraphExport() {}

    /** Checks a format name: gexf or graphml. */
    public static String format(String format) {
        String f = format == null ? "gexf" : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new IllegalArgumentException("format must be gexf or graphml, not '" + format + "'");
        }
        return f;
    }

    public static void write(ClusterGraph view, String format, OutputStream out) throws IOException {
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Map<String, Map<String, Attribute>> nodeAttrs = new HashMap<>();
        Map<DefaultWeightedEdge, Map<String, Attribute>> edgeAttrs = new HashMap<>();
        for (ClusterGraph.GraphNode n : view.nodes()) {
            graph.addVertex(n.id());
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(n.screenName() == null ? n.id() : n.screenName()));
            a.put("cluster", DefaultAttribute.createAttribute(n.clusterId() == null ? "" : n.clusterId()));
            a.put("score", DefaultAttribute.createAttribute(n.score() == null ? 0.0 : n.score()));
            a.put("strength", DefaultAttribute.createAttribute(n.strength() == null ? 0.0 : n.strength()));
            nodeAttrs.put(n.id(), a);
        }
        for (ClusterGraph.GraphEdge e : view.edges()) {
            DefaultWeightedEdge edge = graph.addEdge(e.source(), e.target());
            if (edge == null) {
                continue;
            }
            graph.setEdgeWeight(edge, e.weight());
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("signals", DefaultAttribute.createAttribute(String.join(",", e.signals())));
            a.put("firstAt", DefaultAttribute.createAttribute(e.firstAt() == null ? "" : e.firstAt()));
            a.put("lastAt", DefaultAttribute.createAttribute(e.lastAt() == null ? "" : e.lastAt()));
            edgeAttrs.put(edge, a);
        }
        Map<DefaultWeightedEdge, String> edgeIds = new HashMap<>();
        for (DefaultWeightedEdge e : graph.edgeSet()) {
            edgeIds.put(e, "e" + edgeIds.size());
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format(format).equals("gexf")) {
            GEXFExporter<String, DefaultWeightedEdge> gexf = new GEXFExporter<>(v -> v, edgeIds::get);
            gexf.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
            gexf.setCreator("CoordScope");
            for (Column c : COLUMNS) {
                gexf.registerAttribute(
                        c.name(),
                        c.node() ? GEXFExporter.AttributeCategory.NODE : GEXFExporter.AttributeCategory.EDGE,
                        c.number() ? GEXFAttributeType.DOUBLE : GEXFAttributeType.STRING);
            }
            gexf.setVertexAttributeProvider(nodeAttrs::get);
            gexf.setEdgeAttributeProvider(edgeAttrs::get);
            gexf.exportGraph(graph, w);
        } else {
            GraphMLExporter<String, DefaultWeightedEdge> graphml = new GraphMLExporter<>(v -> v);
            graphml.setEdgeIdProvider(edgeIds::get);
            graphml.setExportEdgeWeights(true);
            graphml.setExportVertexLabels(true);
            for (Column c : COLUMNS) {
                graphml.registerAttribute(
                        c.name(),
                        c.node() ? GraphMLExporter.AttributeCategory.NODE : GraphMLExporter.AttributeCategory.EDGE,
                        c.number() ? AttributeType.DOUBLE : AttributeType.STRING);
            }
            graphml.setVertexAttributeProvider(nodeAttrs::get);
            graphml.setEdgeAttributeProvider(edgeAttrs::get);
            graphml.exportGraph(graph, w);
        }
        w.flush();
    }
}
