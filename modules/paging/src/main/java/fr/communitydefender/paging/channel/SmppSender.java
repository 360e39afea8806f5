package fr.communitydefender.paging.channel;

import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * SMS through an SMPP 3.4 gateway (telecom operator or in-house) with jsmpp: bound as a transmitter (re-bound when
 * the session dropped), GSM 7-bit default alphabet (data_coding 0, one septet a byte), long texts split in parts of
 * 153 septets with a concatenation header (UDH: 05 00 03 ref total seq), delivery receipts asked for.
 */
public final class SmppSender implements ChannelSender, AutoCloseable {
  private final Channels.Smpp config;
  private SMPPSession session;

  public SmppSender(Channels.Smpp config) {
    this.config = config;
  }

  @Override
  public String provider() {
    return "smpp";
  }

  private SMPPSession session() throws IOException {
    if (session == null || !session.getSessionState().isBound()) {
      if (session != null) {
        session.unbindAndClose();
      }
      SMPPSession s = new SMPPSession();
      s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TX, config.systemId(),
          config.password().value(), "CD", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
      session = s;
    }
    return session;
  }

  @Override
  public synchronized String send(Notification n) throws SendException {
    List<String> parts = Gsm7.parts(Gsm7.encode(n.sms()));
    int ref = ThreadLocalRandom.current().nextInt(256);
    String firstId = null;
    try {
      SMPPSession s = session();
      for (int i = 0; i < parts.size(); i++) {
        byte[] text = Gsm7.toBytes(parts.get(i));
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            parts.size() > 1 ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
        byte[] payload = text;
        if (parts.size() > 1) {
          payload = new byte[text.length + 6];
          payload[0] = 0x05;
          payload[1] = 0x00;
          payload[2] = 0x03;
          payload[3] = (byte) ref;
          payload[4] = (byte) parts.size();
          payload[5] = (byte) (i + 1);
          System.arraycopy(text, 0, payload, 6, text.length);
        }
        String id = s.submitShortMessage("", alphanumeric(config.sourceAddr()) ? TypeOfNumber.ALPHANUMERIC
                : TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.UNKNOWN, config.sourceAddr(),
            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, n.address().replace("+", ""), esm, (byte) 0,
            (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
            DataCodings.ZERO, (byte) 0, payload)
            .getMessageId();
        firstId = firstId == null ? id : firstId;
      }
      return firstId;
    } catch (NegativeResponseException e) {
      throw new SendException("SMPP gateway refused: command_status " + e.getCommandStatus(), e.getCommandStatus() == 0x58
          || e.getCommandStatus() == 0x14 || e.getCommandStatus() == 0x08);
    } catch (Exception e) {
      if (session != null) {
        session.unbindAndClose();
        session = null;
      }
      throw new SendException("SMPP: " + e.getMessage(), true);
    }
  }

  private static boolean alphanumeric(String addr) {
    return !addr.matches("\\+?\\d+");
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.unbindAndClose();
    }
  }
}
