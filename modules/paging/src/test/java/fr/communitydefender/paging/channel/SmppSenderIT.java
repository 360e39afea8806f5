package fr.communitydefender.paging.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.paging.oncall.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMPP against jsmpp's server in the test JVM: bind checked, submit_sm seen, long texts concatenated. */
class SmppSenderIT {
  @TempDir
  Path dir;
  private SMPPServerSessionListener listener;
  private Thread acceptor;
  private final List<SubmitSm> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    listener = new SMPPServerSessionListener(port);
    listener.setMessageReceiverListener(new SubmitRecorder(received, ids));
    acceptor = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          SMPPServerSession session = listener.accept();
          BindRequest bind = session.waitForBind(5_000);
          if (bind.getBindType() == BindType.BIND_TX && bind.getSystemId().equals("cd")
              && bind.getPassword().equals("smpp-pw")) {
            bind.accept("SMSC");
          } else {
            bind.reject(0x0E);
          }
        }
      } catch (Exception e) {
        // listener closed
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    acceptor.interrupt();
    listener.close();
  }

  private SmppSender sender(String password) throws Exception {
    return new SmppSender(new Channels.Smpp("127.0.0.1", listener.getPort(), "cd",
        Secret.ofFile(Files.writeString(dir.resolve("pw-" + password), password)), "MAIRIE"));
  }

  @Test
  void shouldSubmitAShortMessageInTheGsmAlphabet() throws Exception {
    try (SmppSender smpp = sender("smpp-pw")) {
      String id = smpp.send(SmsProvidersIT.sms("+33611111111", "CD HAUTE ville: élèves évacués, forêt"));
      assertThat(id).isEqualTo("m1");
    }
    assertThat(received).singleElement().satisfies(sm -> {
      assertThat(sm.getDestAddress()).isEqualTo("33611111111");
      assertThat(sm.getSourceAddr()).isEqualTo("MAIRIE");
      assertThat(sm.getDataCoding()).isEqualTo((byte) 0);
      assertThat(Gsm7.fromBytes(sm.getShortMessage())).isEqualTo("CD HAUTE ville: élèves évacués, foret");
    });
  }

  @Test
  void shouldSplitALongMessageWithConcatenationHeaders() throws Exception {
    String text = "CD ESCALADE HAUTE ville: " + "x".repeat(200);
    try (SmppSender smpp = sender("smpp-pw")) {
      smpp.send(SmsProvidersIT.sms("+33611111111", text));
    }
    assertThat(received).hasSize(2);
    byte[] first = received.get(0).getShortMessage();
    byte[] second = received.get(1).getShortMessage();
    assertThat(Arrays.copyOfRange(first, 0, 3)).containsExactly(0x05, 0x00, 0x03);
    assertThat(first[3]).as("same reference").isEqualTo(second[3]);
    assertThat(new int[] {first[4], first[5], second[4], second[5]}).containsExactly(2, 1, 2, 2);
    assertThat(received.get(0).getEsmClass() & 0x40).as("UDHI").isEqualTo(0x40);
    assertThat(Gsm7.fromBytes(Arrays.copyOfRange(first, 6, first.length))
        + Gsm7.fromBytes(Arrays.copyOfRange(second, 6, second.length))).isEqualTo(text);
  }

  @Test
  void shouldFailWhenTheGatewayRefusesTheBind() throws Exception {
    try (SmppSender smpp = sender("wrong")) {
      assertThatThrownBy(() -> smpp.send(SmsProvidersIT.sms("+33611111111", "x")))
          .isInstanceOf(ChannelSender.SendException.class).hasMessageStartingWith("SMPP: ");
    }
    assertThat(received).isEmpty();
  }

  /** Answers every submit_sm with a new message id and keeps it. */
  private record SubmitRecorder(List<SubmitSm> received, AtomicInteger ids)
      implements org.jsmpp.session.ServerMessageReceiverListener {
    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) {
      received.add(submitSm);
      try {
        return new SubmitSmResult(new MessageId("m" + ids.incrementAndGet()), new org.jsmpp.bean.OptionalParameter[0]);
      } catch (org.jsmpp.PDUStringException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public org.jsmpp.session.SubmitMultiResult onAcceptSubmitMulti(org.jsmpp.bean.SubmitMulti m, SMPPServerSession s) {
      throw new UnsupportedOperationException();
    }

    @Override
    public org.jsmpp.session.QuerySmResult onAcceptQuerySm(org.jsmpp.bean.QuerySm q, SMPPServerSession s) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onAcceptReplaceSm(org.jsmpp.bean.ReplaceSm r, SMPPServerSession s) {}

    @Override
    public void onAcceptCancelSm(org.jsmpp.bean.CancelSm c, SMPPServerSession s) {}

    @Override
    public org.jsmpp.session.BroadcastSmResult onAcceptBroadcastSm(org.jsmpp.bean.BroadcastSm b, SMPPServerSession s) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onAcceptCancelBroadcastSm(org.jsmpp.bean.CancelBroadcastSm c, SMPPServerSession s) {}

    @Override
    public org.jsmpp.session.QueryBroadcastSmResult onAcceptQueryBroadcastSm(org.jsmpp.bean.QueryBroadcastSm q,
        SMPPServerSession s) {
      throw new UnsupportedOperationException();
    }

    @Override
    public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm d, org.jsmpp.session.Session s) {
      throw new UnsupportedOperationException();
    }
  }
}
