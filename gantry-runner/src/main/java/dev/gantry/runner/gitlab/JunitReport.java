package dev.gantry.runner.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A JUnit XML report ({@code artifacts:reports:junit}, docs.gitlab.com "Unit test reports"): every
 * {@code <testcase>} of the file, whatever {@code <testsuite>} nesting holds it. A test case with a
 * {@code <failure>} child failed, with an {@code <error>} child errored, with {@code <skipped>} was
 * skipped. Times are the cases' {@code time} attributes in seconds.
 *
 * @param tests   number of test cases
 * @param failed  cases with a failure
 * @param errors  cases with an error
 * @param skipped skipped cases
 * @param seconds sum of the cases' times
 * @param failing {@code classname.name} of each failed or errored case, in file order
 */
record JunitReport(int tests, int failed, int errors, int skipped, double seconds, List<String> failing) {

    JunitReport {
        failing = List.copyOf(failing);
    }

    static final JunitReport EMPTY = new JunitReport(0, 0, 0, 0, 0, List.of());

    /** The report in one file. External entities are refused. */
    static JunitReport parse(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = builder().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(file.getFileName() + " is not valid JUnit XML: " + e.getMessage(), e);
        }
        NodeList cases = doc.getElementsByTagName("testcase");
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        double seconds = 0;
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            seconds += number(c.getAttribute("time"));
            String name = c.getAttribute("classname").isEmpty() ? c.getAttribute("name")
                    : c.getAttribute("classname") + "." + c.getAttribute("name");
            if (has(c, "failure")) {
                failed++;
                failing.add(name);
            } else if (has(c, "error")) {
                errors++;
                failing.add(name);
            } else if (has(c, "skipped")) {
                skipped++;
            }
        }
        return new JunitReport(cases.getLength(), failed, errors, skipped, seconds, failing);
    }

    /** Both reports together. */
    JunitReport plus(JunitReport other) {
        List<String> names = new ArrayList<>(failing);
        names.addAll(other.failing);
        return new JunitReport(tests + other.tests, failed + other.failed, errors + other.errors,
                skipped + other.skipped, seconds + other.seconds, names);
    }

    /** {@code 3 tests, 1 failed, 0 errors, 0 skipped (0.42s)}. */
    String summary() {
        return String.format(Locale.ROOT, "%d tests, %d failed, %d errors, %d skipped (%.2fs)", tests, failed, errors,
                skipped, seconds);
    }

    private static boolean has(Element e, String child) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getTagName().equals(child)) {
                return true;
            }
        }
        return false;
    }

    private static double number(String text) {
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
