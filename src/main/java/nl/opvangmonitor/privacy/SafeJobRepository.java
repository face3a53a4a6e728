package nl.opvangmonitor.privacy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Spring Batch stores a failed step's or job's exception, stack trace and all, as its exit message in
 * the job repository; a library's exception message may quote cell content. Every job and step
 * execution passes through here on its way to the repository: its exit message is replaced by the
 * safe messages of its failures ({@link SafeMessage#of}), or scrubbed when there are none.
 */
@Component
public class SafeJobRepository implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobRepository repository)) {
            return bean;
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), ClassUtils.getAllInterfaces(bean), (proxy, method, args) -> {
            if (args != null && method.getName().startsWith("update")) {
                for (Object arg : args) {
                    if (arg instanceof StepExecution step) {
                        step.setExitStatus(safe(step.getExitStatus(), step.getFailureExceptions()));
                    } else if (arg instanceof JobExecution job) {
                        job.setExitStatus(safe(job.getExitStatus(), job.getAllFailureExceptions()));
                    }
                }
            }
            try {
                return method.invoke(repository, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    static ExitStatus safe(ExitStatus status, List<Throwable> failures) {
        if (status == null) {
            return null;
        }
        String description = failures.isEmpty() ? SafeMessage.scrubLibraryText(firstLine(status.getExitDescription()))
                : failures.stream().map(SafeMessage::of).distinct().collect(Collectors.joining("; "));
        return new ExitStatus(status.getExitCode(), description);
    }

    /** Without its stack trace, which Spring Batch appends with every cause's message. */
    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
